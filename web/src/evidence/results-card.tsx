import { useState } from 'react';
import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useSave } from '../api/use-save.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { PeriodPicker, usePeriod } from '../compliance/period-picker.tsx';
import type { ResultsVerification } from './types.ts';

function Outcome({ v }: { v: ResultsVerification }) {
  const expired = v.daysExpired.length > 0 && ` ${v.daysExpired.length} committed day${v.daysExpired.length === 1 ? ' is' : 's are'} past raw retention: the digest stands, the results are gone.`;
  if (v.firstProblem) {
    const p = v.firstProblem;
    return (
      <div className="banner error" role="alert">
        <div>
          <strong>
            Results of {p.day} do not match ({p.reason.replaceAll('_', ' ')}).
          </strong>
          {p.detail}. <Link href={`/monitors/${p.monitorId}`}>Open the monitor</Link>
        </div>
      </div>
    );
  }
  if (v.daysChecked === 0) return <p className="verify-now flush">No committed day in this period yet: each day's results are committed at 01:00 UTC the next day.{expired}</p>;
  return (
    <div className="banner ok" role="status">
      <div>
        <strong>Results intact.</strong> {v.daysChecked} committed day{v.daysChecked === 1 ? '' : 's'} recomputed from the raw check results, all matching.{expired}
      </div>
    </div>
  );
}

/** Recomputes the daily digests of check results committed to the chain, for a period. */
export function ResultsCard() {
  const client = useClient();
  const [period, choice, setPeriod] = usePeriod();
  const [result, setResult] = useState<ResultsVerification | null>(null);
  const save = useSave();
  const verify = () => save.run(async () => setResult(await client.get<ResultsVerification>('/evidence/results/verify', { query: { ...period } })));
  return (
    <section className="card stack" aria-labelledby="results">
      <h2 id="results">Committed check results</h2>
      <p className="small muted flush">Every day, each monitor's raw results are hashed into a digest appended to the chain, so a later edit of a stored result shows here even after the chain itself verifies.</p>
      <div className="period-picker">
        <PeriodPicker
          period={period}
          choice={choice}
          onChange={(c, p) => {
            setResult(null);
            setPeriod(c, p);
          }}
        />
        <Button onClick={() => void verify()} busy={save.busy}>
          Verify results
        </Button>
      </div>
      <ErrorBanner error={save.error} title="The results could not be verified." />
      {result && <Outcome v={result} />}
    </section>
  );
}
