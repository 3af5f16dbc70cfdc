import { useState } from 'react';
import { isMissingRoute } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { LabelList } from '../components/labels.tsx';
import { ListStates } from '../components/list-states.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useToast } from '../components/toasts.tsx';
import { describeSchedule, isPast } from './describe-schedule.ts';
import { MaintenanceForm } from './maintenance-form.tsx';
import type { MaintenanceWindow } from './types.ts';

export function MaintenancePage() {
  const client = useClient();
  const toast = useToast();
  const canWrite = useCan('write');
  const fetched = useFetch<Page<MaintenanceWindow>>('/maintenance', { limit: 500 });
  const [editing, setEditing] = useState<MaintenanceWindow | 'new' | null>(null);

  const done = (saved: MaintenanceWindow | null) => {
    if (saved) toast.info(editing === 'new' ? 'Maintenance window created' : 'Maintenance window saved');
    setEditing(null);
    fetched.reload();
  };
  const remove = async (w: MaintenanceWindow) => {
    await client.delete(`/maintenance/${w.id}`);
    toast.info(`Deleted ${w.name}`);
    fetched.reload();
  };

  const windows = fetched.data?.data ?? [];
  const missing = isMissingRoute(fetched.error);
  return (
    <div className="page">
      <PageHeader
        title="Maintenance"
        subtitle="Planned work: monitors in a window show as maintenance, raise no alerts, and the time is left out of uptime."
        actions={canWrite && !missing && editing === null && <Button variant="primary" onClick={() => setEditing('new')}>New window</Button>}
      />
      {editing !== null && <MaintenanceForm key={editing === 'new' ? 'new' : editing.id} existing={editing === 'new' ? undefined : editing} onDone={done} />}
      {missing ? (
        <div className="card">
          <EmptyState title="Maintenance windows are not available yet">This server does not offer maintenance windows yet; they arrive with the monitoring engine.</EmptyState>
        </div>
      ) : (
        <ListStates
          error={fetched.error}
          loaded={!!fetched.data}
          count={windows.length}
          empty={
            editing === null && (
              <EmptyState title="No maintenance windows" actions={canWrite && <Button variant="primary" onClick={() => setEditing('new')}>Plan maintenance</Button>}>
                Plan one before an upgrade or a migration so the team is not paged for expected downtime.
              </EmptyState>
            )
          }
        />
      )}
      {windows.length > 0 && (
        <DataTable
          columns={['Name', 'When', 'Applies to', 'Status', canWrite && { label: 'Actions', hidden: true }]}
        >
          {windows.map((w) => (
            <tr key={w.id}>
              <td><strong>{w.name}</strong></td>
              <td>{describeSchedule(w.schedule)}</td>
              <td>
                {w.selector.monitorIds?.length ? <div>{w.selector.monitorIds.length} monitor{w.selector.monitorIds.length === 1 ? '' : 's'}</div> : null}
                <LabelList labels={w.selector.labels ?? {}} />
              </td>
              <td>
                <span className="badge plain" data-state={!w.active || isPast(w.schedule) ? 'paused' : 'maintenance'}>
                  {!w.active ? 'Inactive' : isPast(w.schedule) ? 'Ended' : 'Scheduled'}
                </span>
              </td>
              {canWrite && (
                <td className="nowrap">
                  <div className="row">
                    <Button size="sm" onClick={() => setEditing(w)}>Edit</Button>
                    <ConfirmButton size="sm" title="Delete this maintenance window?" confirmLabel="Delete" onConfirm={() => remove(w)} message={<p>{w.name} stops applying immediately.</p>}>
                      Delete
                    </ConfirmButton>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
