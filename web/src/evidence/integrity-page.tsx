import { Link } from 'wouter';
import { useFetch } from '../api/use-fetch.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { CheckpointCard } from './checkpoint-card.tsx';
import { KeysCard } from './keys-card.tsx';
import { ResultsCard } from './results-card.tsx';
import type { Integrity } from './types.ts';
import { VerificationCard } from './verification-card.tsx';
import { WitnessesCard } from './witnesses-card.tsx';

function AnchorBanner({ anchor }: { anchor: Integrity['anchor'] }) {
  if (!anchor.degraded) return null;
  return (
    <div className="banner warn" role="alert">
      <div>
        <strong>Anchor degraded.</strong> No witness has accepted a signed checkpoint for two days (last{' '}
        {anchor.lastPublishedAt ? <Time value={anchor.lastPublishedAt} absolute /> : 'never'}). Checkpoints are still signed, but nobody outside Custos holds a copy: fix the failing witnesses below.
      </div>
    </div>
  );
}

/** Integrity of the audit chain: drift detection, signed checkpoints, witnesses and keys. */
export function IntegrityPage() {
  const fetched = useFetch<Integrity>('/audit/integrity');
  const integrity = fetched.data;
  return (
    <div className="page">
      <PageHeader
        title="Integrity"
        subtitle={
          <>
            The audit chain is replayed every hour against its stored hashes and signed checkpoints, and each checkpoint is handed to external witnesses. Events are in the <Link href="/audit">audit log</Link>.
          </>
        }
      />
      {fetched.error && <ErrorBanner error={fetched.error} title="The integrity status could not be loaded." />}
      {!integrity && !fetched.error && <Loading label="Loading the integrity status…" />}
      {integrity && (
        <>
          <AnchorBanner anchor={integrity.anchor} />
          <div className="grid-2">
            <VerificationCard integrity={integrity} />
            <CheckpointCard checkpoint={integrity.latestCheckpoint} />
          </div>
          <WitnessesCard witnesses={integrity.witnesses} />
          <ResultsCard />
          <KeysCard />
        </>
      )}
    </div>
  );
}
