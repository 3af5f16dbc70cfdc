import { Link } from 'wouter';
import { useFetch } from '../api/use-fetch.ts';
import { useLiveReload } from '../api/use-live-reload.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { describeSchedule } from './describe-schedule.ts';
import { HeartbeatActions } from './heartbeat-actions.tsx';
import { HeartbeatState } from './heartbeat-state.tsx';
import { PingUrlsCard } from './ping-urls-card.tsx';
import { PingsCard } from './pings-card.tsx';
import { RunsCard } from './runs-card.tsx';
import { SchedulePreview } from './schedule-preview.tsx';
import type { Heartbeat } from './types.ts';
import { UsageCard } from './usage-card.tsx';

export function HeartbeatDetailPage({ id }: { id: string }) {
  const fetched = useFetch<Heartbeat>(`/heartbeats/${id}`);
  useLiveReload(fetched.reload, { monitorIds: [id], everyMs: 15_000 });
  const hb = fetched.data;

  if (fetched.error) return <LoadFailure error={fetched.error} what="Heartbeat" back={{ href: '/heartbeats', label: 'Back to heartbeats' }} />;
  if (!hb) return <Loading label="Loading heartbeat…" />;

  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/heartbeats', label: 'Heartbeats' }]} current={hb.name} />
      <PageHeader
        title={
          <span className="detail-head">
            {hb.name} <HeartbeatState heartbeat={hb} />
          </span>
        }
        documentTitle={hb.name}
        subtitle={describeSchedule(hb.schedule)}
        actions={<HeartbeatActions heartbeat={hb} onChange={fetched.reload} />}
      />
      <div className="detail-summary">
        <span>
          last ping <Time value={hb.lastPingAt} />
        </span>
        <span>
          <Link href={`/monitors/${hb.monitorId}`}>Uptime and state history</Link>
        </span>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="schedule">
          <h2 id="schedule">Schedule</h2>
          {hb.state === 'paused' ? <p className="muted">Paused: no ping is expected until it is resumed.</p> : <SchedulePreview schedule={hb.schedule} nextExpectedAt={hb.nextExpectedAt} />}
          <p className="muted small" style={{ margin: '0.75rem 0 0' }}>
            Times are in your time zone; hover for UTC.{hb.schedule.kind === 'cron' && ` The expression is read in ${hb.schedule.timezone}.`}
          </p>
        </section>
        <RunsCard heartbeat={hb} />
      </div>
      <PingUrlsCard heartbeat={hb} />
      <PingsCard heartbeat={hb} />
      <UsageCard heartbeat={hb} />
    </div>
  );
}
