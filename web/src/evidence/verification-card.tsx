import { useState } from 'react';
import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import type { ChainVerification } from '../api/types.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Time } from '../components/time.tsx';
import type { Integrity } from './types.ts';

/** Drift detection's last replay of the chain, and a replay now (GET /audit/verify) on demand. */
export function VerificationCard({ integrity }: { integrity: Integrity }) {
  const client = useClient();
  const [now, setNow] = useState<ChainVerification | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const v = integrity.lastVerification;
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setNow(await client.get<ChainVerification>('/audit/verify'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card stack" aria-labelledby="verification">
      <div className="card-header">
        <h2 id="verification">Last verification</h2>
        <Button size="sm" onClick={() => void verify()} busy={busy}>
          Verify now
        </Button>
      </div>
      {!v && <p className="muted">Drift detection has not replayed this chain yet; it runs every hour.</p>}
      {v && (
        <div className={`banner ${v.ok ? 'ok' : 'error'}`} role={v.ok ? 'status' : 'alert'}>
          <div>
            {v.ok ? <strong>Chain verified.</strong> : <strong>Verification failed at event #{v.firstProblem?.seq}.</strong>}
            {v.ok ? `Events #${v.fromSeq}–#${v.toSeq} match their stored hashes and every signed checkpoint.` : `${v.firstProblem?.reason}: ${v.firstProblem?.detail}. `}
            {!v.ok && (
              <>
                Events from there on cannot be trusted; drift detection raised a P0 <Link href="/alerts">alert</Link> (AuditChainDrift).
              </>
            )}
          </div>
        </div>
      )}
      {v && (
        <dl className="kv">
          <dt>When</dt>
          <dd>
            <Time value={v.at} absolute /> (<Time value={v.at} />)
          </dd>
          <dt>Mode</dt>
          <dd>{v.mode === 'full' ? 'Full replay' : 'Recent events, from the last intact checkpoint'}</dd>
          <dt>Range</dt>
          <dd>
            #{v.fromSeq} – #{v.toSeq}
          </dd>
          <dt>Last full replay</dt>
          <dd>{integrity.lastFullVerificationAt ? <Time value={integrity.lastFullVerificationAt} absolute /> : <span className="muted">not yet (daily at 01:00 UTC)</span>}</dd>
        </dl>
      )}
      <ErrorBanner error={error} title="The chain could not be verified." />
      {now && (
        <p className={now.ok ? 'verify-now ok' : 'verify-now failed'} role="status">
          Just now: {now.ok ? `${now.checked.toLocaleString()} events replayed, chain intact up to #${now.headSeq}.` : `broken at event #${now.firstBad?.seq}: ${now.firstBad?.reason} (${now.firstBad?.detail}).`}
        </p>
      )}
    </section>
  );
}
