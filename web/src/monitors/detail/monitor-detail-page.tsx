import { useRef, useState } from 'react';
import { useLiveEvent } from '../../api/live.tsx';
import type { CheckResult, Monitor } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { LabelList } from '../../components/labels.tsx';
import { LoadFailure } from '../../components/load-failure.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { Time } from '../../components/time.tsx';
import { typeLabel } from '../probe-fields/registry.ts';
import { readStateEvent, type StateEventPayload } from '../state-event.ts';
import { CertificatesCard } from './certificates-card.tsx';
import { CheckResultView } from './check-result.tsx';
import { describeReason, FlipsCard } from './flips-card.tsx';
import { GapsCard } from './gaps-card.tsx';
import { LastResultCard } from './last-result-card.tsx';
import { LatencyCard } from './latency-card.tsx';
import { MonitorActions } from './monitor-actions.tsx';
import { monitorTarget } from './monitor-target.ts';
import { ResultsCard } from './results-card.tsx';
import { UptimeCard } from './uptime-card.tsx';

export function MonitorDetailPage({ id }: { id: string }) {
  const fetched = useFetch<Monitor>(`/monitors/${id}`);
  const [refreshKey, setRefreshKey] = useState(0);
  const lastRefresh = useRef(0);
  const [checked, setChecked] = useState<CheckResult | Error | null>(null);
  const monitor = fetched.data;

  useLiveEvent<StateEventPayload>('monitor.state', (payload) => {
    const update = readStateEvent(payload);
    if (update?.monitorId !== id) return;
    fetched.setData((m) => m && { ...m, ...update.patch });
    // Refetch the history cards on a state change, else at most every 10 s.
    if (update.patch.state !== fetched.data?.state || Date.now() - lastRefresh.current > 10_000) {
      lastRefresh.current = Date.now();
      setRefreshKey((k) => k + 1);
    }
  });

  if (fetched.error) return <LoadFailure error={fetched.error} what="Monitor" back={{ href: '/monitors', label: 'Back to monitors' }} />;
  if (!monitor) return <Loading label="Loading monitor…" />;

  const target = monitorTarget(monitor.settings);
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/monitors', label: 'Monitors' }]} current={monitor.name} />
      <PageHeader
        title={
          <span className="detail-head">
            {monitor.name} <StateBadge state={monitor.state} />
          </span>
        }
        documentTitle={monitor.name}
        subtitle={target}
        actions={<MonitorActions monitor={monitor} onChange={(m) => fetched.setData(() => m)} onChecked={setChecked} />}
      />
      <div className="detail-summary">
        <span>
          <strong>{typeLabel(monitor.type)}</strong> every {monitor.interval}s
        </span>
        <span>
          {monitor.state} since <Time value={monitor.stateSince} />
        </span>
        <span>
          last check <Time value={monitor.lastCheckAt} />
          {monitor.lastLatencyMs !== null && ` · ${Math.round(monitor.lastLatencyMs)} ms`}
        </span>
        {monitor.stateReason && <span>reason: {describeReason(monitor.stateReason)}</span>}
        <LabelList labels={monitor.labels} max={8} />
      </div>
      {checked && (
        <section className="card" aria-live="polite">
          <div className="card-header">
            <h2>Check now</h2>
            <button type="button" className="btn btn-sm" onClick={() => setChecked(null)}>
              Dismiss
            </button>
          </div>
          {checked instanceof Error ? <ErrorBanner error={checked} /> : <CheckResultView result={checked} />}
          <p className="muted small" style={{ marginTop: '0.75rem' }}>
            A one-off run with the saved settings; it is not stored and does not change the monitor's state.
          </p>
        </section>
      )}
      {monitor.type === 'tls' && <CertificatesCard monitorId={monitor.id} refreshKey={refreshKey} />}
      <LatencyCard monitorId={monitor.id} createdAt={monitor.createdAt} refreshKey={refreshKey} />
      <div className="grid-2">
        <LastResultCard monitorId={monitor.id} refreshKey={refreshKey} />
        <UptimeCard monitor={monitor} refreshKey={refreshKey} />
      </div>
      <div className="grid-2">
        <FlipsCard monitorId={monitor.id} refreshKey={refreshKey} />
        <GapsCard monitorId={monitor.id} refreshKey={refreshKey} />
      </div>
      <ResultsCard monitorId={monitor.id} refreshKey={refreshKey} />
    </div>
  );
}
