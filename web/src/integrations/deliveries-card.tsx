import { useState } from 'react';
import { Link } from 'wouter';
import { isMissingRoute } from '../api/client.ts';
import { useCursorList } from '../api/use-cursor-list.ts';
import { Button } from '../components/button.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { Segmented } from '../components/segmented.tsx';
import { Time } from '../components/time.tsx';
import type { Delivery } from './types.ts';

const OUTCOME = { processed: 'up', ignored: 'paused', rejected: 'down' };
type Shown = '' | Delivery['outcome'];

/** What each sender posted and what it did: alerts fired or resolved, ignored, or rejected with why. */
export function DeliveriesCard({ integrationId }: { integrationId: string }) {
  const [outcome, setOutcome] = useState<Shown>('');
  const list = useCursorList<Delivery>(`/integrations/${integrationId}/deliveries`, { outcome, limit: 25 });
  return (
    <section className="card" aria-labelledby="deliveries">
      <div className="card-header">
        <h2 id="deliveries">Recent deliveries</h2>
        <Segmented
          label="Show deliveries"
          value={outcome}
          onChange={setOutcome}
          options={[
            { value: '', label: 'All' },
            { value: 'processed', label: 'Processed' },
            { value: 'ignored', label: 'Ignored' },
            { value: 'rejected', label: 'Rejected' },
          ]}
        />
        <Button size="sm" onClick={list.reload}>
          Refresh
        </Button>
      </div>
      {isMissingRoute(list.error) ? (
        <p className="muted">This server does not list deliveries yet.</p>
      ) : list.error || !list.loaded || list.items.length === 0 ? (
        <ListStates
          error={list.error}
          loaded={list.loaded}
          count={list.items.length}
          empty={<p className="muted">{outcome ? `No ${outcome} deliveries.` : 'Nothing received yet. Set up the sender with the snippet above; each delivery shows here with what it did.'}</p>}
          bare
        />
      ) : (
        <DataTable
          bare
          columns={['Received', 'Outcome', 'Event', 'Alerts']}
          footer={<LoadMore list={list} label="Older deliveries" size="sm" />}
        >
          {list.items.map((d) => (
            <tr key={d.id}>
              <td className="nowrap">
                <Time value={d.receivedAt} absolute />
                {d.redeliveries > 0 && <div className="small muted">redelivered {d.redeliveries}× (not applied again)</div>}
              </td>
              <td>
                <span className="badge" data-state={OUTCOME[d.outcome]}>
                  {d.outcome}
                </span>
                <div className="small muted">HTTP {d.status}</div>
              </td>
              <td className="small">
                {d.event ?? <span className="muted">—</span>}
                {d.error && <div className="error-text">{d.error}</div>}
              </td>
              <td className="small">
                {d.changes.length === 0 && <span className="muted">none</span>}
                {d.changes.map((c) => (
                  <div key={`${c.dedupKey}-${c.action}`}>
                    {c.action} → {c.result} {c.alertId ? <Link href={`/alerts/${c.alertId}`}>{c.ref ?? 'alert'}</Link> : <code>{c.ref ?? c.dedupKey}</code>}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
