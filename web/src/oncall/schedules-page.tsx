import { Link } from 'wouter';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { OnCallNow } from './on-call-now.tsx';
import type { Schedule } from './types.ts';

const newLink = (text: string) => (
  <Link href="/schedules/new" className="btn btn-primary">
    {text}
  </Link>
);

export function SchedulesPage() {
  const canWrite = useCan('write');
  const fetched = useFetch<Page<Schedule>>('/schedules');
  const schedules = fetched.data?.data ?? [];
  return (
    <div className="page">
      <PageHeader title="On-call schedules" subtitle="Who gets paged, when: rotations in layers, with overrides on top. Escalation policies page a schedule's current person." actions={canWrite && newLink('New schedule')} />
      <ListStates
        what="schedules"
        error={fetched.error}
        loaded={!!fetched.data}
        count={schedules.length}
        empty={
          <EmptyState title="No schedules yet" actions={canWrite && newLink('Create a schedule')}>
            A schedule rotates people through shifts; an escalation policy pages whoever is on call.
          </EmptyState>
        }
      />
      {schedules.length > 0 && (
        <DataTable
          label="Schedules"
          columns={['Schedule', 'On call now', 'Layers', 'Time zone']}
        >
          {schedules.map((s) => (
            <tr key={s.id}>
              <td>
                <Link href={`/schedules/${s.id}`} className="monitor-name">
                  {s.name}
                </Link>
                {s.description && <div className="small muted">{s.description}</div>}
              </td>
              <td>
                <OnCallNow scheduleId={s.id} compact />
              </td>
              <td className="small">{s.layers.map((l) => l.name).join(', ') || <span className="muted">none</span>}</td>
              <td className="small nowrap">{s.timeZone}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
