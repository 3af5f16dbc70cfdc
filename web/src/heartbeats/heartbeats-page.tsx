import { Link } from 'wouter';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useLiveReload } from '../api/use-live-reload.ts';
import { useCan } from '../auth/session.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { describeSchedule } from './describe-schedule.ts';
import { HeartbeatState } from './heartbeat-state.tsx';
import type { Heartbeat } from './types.ts';

const newLink = (text: string) => (
  <Link href="/heartbeats/new" className="btn btn-primary">
    {text}
  </Link>
);

export function HeartbeatsPage() {
  const canWrite = useCan('write');
  const fetched = useFetch<Page<Heartbeat>>('/heartbeats', { limit: 500 });
  useLiveReload(fetched.reload, { everyMs: 30_000 });
  const beats = fetched.data?.data ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Heartbeats"
        subtitle="Cron jobs, backups and other background work ping Custos when they run; a missing or failed ping raises an alert."
        actions={canWrite && newLink('New heartbeat')}
      />
      <ListStates
        what="heartbeats"
        error={fetched.error}
        loaded={!!fetched.data}
        count={beats.length}
        empty={
          <EmptyState title="No heartbeats yet" actions={canWrite && newLink('Create a heartbeat')}>
            {canWrite
              ? 'Create one per job, then add the ping URL to the end of its crontab line. If the job stops running or fails, you hear about it.'
              : 'Nobody has set up a heartbeat in this organization yet. Ask an admin to add one for each scheduled job.'}
          </EmptyState>
        }
      />
      {beats.length > 0 && (
        <DataTable
          label="Heartbeats"
          columns={['State', 'Name', 'Schedule', 'Last ping', 'Next expected']}
        >
          {beats.map((b) => (
            <tr key={b.monitorId}>
              <td>
                <HeartbeatState heartbeat={b} />
              </td>
              <td>
                <Link href={`/heartbeats/${b.monitorId}`} className="monitor-name">
                  {b.name}
                </Link>
              </td>
              <td className="small">{describeSchedule(b.schedule)}</td>
              <td className="nowrap">
                {b.lastPingAt ? <Time value={b.lastPingAt} /> : <span className="muted">never</span>}
                {b.lastPings[0] && b.lastPings[0].kind !== 'success' && <span className="muted small"> · {b.lastPings[0].kind}</span>}
              </td>
              <td className="nowrap">{b.nextExpectedAt ? <Time value={b.nextExpectedAt} /> : <span className="muted">{b.state === 'paused' ? 'paused' : 'after the first ping'}</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
