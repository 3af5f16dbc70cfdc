import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useCursorList } from '../api/use-cursor-list.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Segmented } from '../components/segmented.tsx';
import { Time } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import { SilenceForm } from './silence-form.tsx';
import type { Silence, SilenceStatus } from './types.ts';

type Shown = SilenceStatus | 'all';
const STATE: Record<SilenceStatus, string> = { active: 'maintenance', pending: 'pending', expired: 'paused' };
const EMPTY: Record<Shown, string> = {
  active: 'No silence is active: every routed alert is notified.',
  pending: 'No silence is scheduled to start later.',
  expired: 'No silence has ended yet.',
  all: 'No silences yet.',
};

export function SilencesPage() {
  const client = useClient();
  const toast = useToast();
  const canRespond = useCan('respond');
  const [params, setParams] = useSearchParams();
  const [shown, setShown] = useState<Shown>('active');
  const creating = canRespond && params.get('create') === '1';
  const highlight = params.get('highlight');
  const list = useCursorList<Silence>('/silences', { status: shown === 'all' ? undefined : shown, limit: 100 });

  const openForm = (open: boolean) => setParams(open ? { create: '1' } : {}, { replace: true });
  const expire = async (s: Silence) => {
    try {
      await client.post(`/silences/${s.id}/expire`);
      toast.info('Silence expired: matching alerts notify again at their next group tick.');
      list.reload();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title="Silences"
        subtitle="Mute notifications for alerts matching labels for a while (planned work, a known issue). Alerts still fire and are recorded."
        actions={canRespond && !creating && <Button variant="primary" onClick={() => openForm(true)}>New silence</Button>}
      />
      {creating && (
        <SilenceForm
          initialMatchers={params.getAll('matcher')}
          onDone={(created) => {
            openForm(false);
            if (created) {
              toast.info(created.status === 'active' ? 'Silence active' : 'Silence scheduled');
              setShown(created.status);
              list.reload();
            }
          }}
        />
      )}
      <div className="row">
        <Segmented
          label="Show silences"
          value={shown}
          onChange={setShown}
          options={[
            { value: 'active', label: 'Active' },
            { value: 'pending', label: 'Pending' },
            { value: 'expired', label: 'Expired' },
            { value: 'all', label: 'All' },
          ]}
        />
      </div>
      <ListStates
        error={list.error}
        loaded={list.loaded}
        count={list.items.length}
        empty={
          <EmptyState title={EMPTY[shown]} actions={canRespond && !creating && <Button onClick={() => openForm(true)}>Create a silence</Button>}>
            {canRespond ? 'Before planned work, silence the alerts it will cause; from an alert, "Silence…" fills in its labels.' : 'Responders and admins can create silences.'}
          </EmptyState>
        }
      />
      {list.items.length > 0 && (
        <DataTable
          label="Silences"
          columns={['Status', 'Matchers', 'When', 'Comment', canRespond && { label: 'Actions', hidden: true }]}
          footer={<LoadMore list={list} />}
        >
          {list.items.map((s) => (
            <tr key={s.id} className={s.id === highlight ? 'highlight' : undefined}>
              <td>
                <span className="badge" data-state={STATE[s.status]}>
                  {s.status}
                </span>
              </td>
              <td>
                <ul className="chips">
                  {s.matchers.map((m) => (
                    <li key={m}>
                      <code className="tag">{m}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="small nowrap">
                <div>
                  from <Time value={s.startsAt} absolute />
                </div>
                <div>
                  {s.status === 'expired' ? 'ended' : 'until'} <Time value={s.endsAt} absolute />
                </div>
              </td>
              <td>
                {s.comment}
                <div className="small muted">by {s.createdBy}</div>
              </td>
              {canRespond && (
                <td>
                  {s.status !== 'expired' && (
                    <ConfirmButton size="sm" variant="secondary" title="Expire this silence?" confirmLabel="Expire now" onConfirm={() => expire(s)} message={<p>Matching alerts that still fire are notified at their next group tick.</p>}>
                      Expire
                    </ConfirmButton>
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
