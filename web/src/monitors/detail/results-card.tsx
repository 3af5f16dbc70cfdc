import { useState } from 'react';
import type { Page } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { StateBadge } from '../../components/state-badge.tsx';
import { Time } from '../../components/time.tsx';
import { HistoryCard } from './history-card.tsx';
import type { StoredResult } from './history-types.ts';
import { CheckResultView } from './check-result.tsx';

export function ResultsCard({ monitorId, refreshKey }: { monitorId: string; refreshKey: number }) {
  const [outcome, setOutcome] = useState('');
  const fetched = useFetch<Page<StoredResult>>(`/monitors/${monitorId}/results`, { limit: 25, outcome }, { refreshKey });
  const [open, setOpen] = useState<string | null>(null);
  const filter = (
    <label className="row small">
      <span className="muted">Show</span>
      <select className="input" style={{ width: 'auto', minHeight: 30, padding: '0.2rem 0.4rem' }} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
        <option value="">all</option>
        <option value="down">failures</option>
        <option value="degraded">degraded</option>
        <option value="up">successes</option>
      </select>
    </label>
  );
  return (
    <HistoryCard title="Recent checks" fetched={fetched} actions={filter}>
      {(page) =>
        page.data.length === 0 ? (
          <p className="muted">No checks recorded{outcome ? ' with this outcome' : ' yet'}.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>Time</th>
                  <th>Outcome</th>
                  <th className="num">Latency</th>
                  <th>Error</th>
                </tr>
              </thead>
              <tbody>
                {page.data.map((r) => {
                  const id = `${r.at}-${r.latencyMs}`;
                  return (
                    <tr key={id}>
                      <td className="nowrap">
                        <Time value={r.at} />
                      </td>
                      <td>
                        <StateBadge state={r.outcome} />
                      </td>
                      <td className="num">{r.latencyMs.toFixed(0)} ms</td>
                      <td>
                        {r.errorCode ? <code>{r.errorCode}</code> : <span className="muted">—</span>}
                        {r.message && <div className="small muted">{r.message}</div>}
                        <button type="button" className="btn-link small details-toggle" aria-expanded={open === id} onClick={() => setOpen(open === id ? null : id)}>
                          {open === id ? 'Hide details' : 'Details'}
                        </button>
                        {open === id && <CheckResultView result={r} />}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      }
    </HistoryCard>
  );
}
