import type { ChainVerification } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { ErrorBanner } from '../components/error-banner.tsx';

/** The audit chain's integrity as the server verified it just now. */
export function ChainBanner() {
  const fetched = useFetch<ChainVerification>('/audit/verify');
  if (fetched.error) return <ErrorBanner error={fetched.error} title="The audit chain could not be verified." />;
  const v = fetched.data;
  if (!v) return <div className="banner info" role="status">Verifying the audit chain…</div>;
  if (v.ok) {
    return (
      <div className="banner ok" role="status">
        <div>
          <strong>Chain intact.</strong> {v.checked.toLocaleString()} events verified, each hash-linked to the one before; head #{v.headSeq}, hash{' '}
          <code title={v.lastHash}>{v.lastHash.slice(0, 16)}…</code>
        </div>
      </div>
    );
  }
  return (
    <div className="banner error" role="alert">
      <div>
        <strong>Chain broken at event #{v.firstBad?.seq}.</strong> {v.firstBad?.reason}: {v.firstBad?.detail}. Events from there on cannot be trusted; investigate before exporting evidence.
      </div>
    </div>
  );
}
