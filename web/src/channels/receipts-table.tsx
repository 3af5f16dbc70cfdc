import { Link } from 'wouter';
import type { CursorList } from '../api/use-cursor-list.ts';
import { DataTable } from '../components/data-table.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { Time } from '../components/time.tsx';
import { ReceiptStatus } from './receipt-status.tsx';
import type { Receipt } from './types.ts';

/** Delivery receipts, newest first: one row per attempt, with the receiver's answer. */
export function ReceiptsTable({ list, channelName, empty }: { list: CursorList<Receipt>; channelName?: (id: string) => string; empty: string }) {
  if (list.error || !list.loaded || list.items.length === 0) return <ListStates error={list.error} loaded={list.loaded} count={list.items.length} empty={<p className="muted">{empty}</p>} bare />;
  return (
    <DataTable
      bare
      columns={['Time', 'Result', !!channelName && 'Channel', 'What', { label: 'Attempt', num: true }, { label: 'Answer', num: true }, { label: 'Latency', num: true }]}
      footer={<LoadMore list={list} label="Older receipts" size="sm" />}
    >
      {list.items.map((r) => (
        <tr key={r.id}>
          <td className="nowrap">
            <Time value={r.at} absolute />
          </td>
          <td>
            <ReceiptStatus status={r.status} />
            {r.nextAttemptAt && (
              <div className="small muted">
                next try <Time value={r.nextAttemptAt} />
              </div>
            )}
          </td>
          {channelName && (
            <td>
              <Link href={`/channels/${r.channelId}`}>{channelName(r.channelId)}</Link>
            </td>
          )}
          <td className="small">
            {r.test ? 'test notification' : r.kind}
            {r.fallback && <span className="tag">fallback</span>}
            {!r.test && r.alertIds.length > 0 && (
              <div className="muted">
                {r.alertIds.length === 1 ? <Link href={`/alerts/${r.alertIds[0]}`}>1 alert</Link> : `${r.alertIds.length} alerts`}
              </div>
            )}
            {r.error && <div className="error-text">{r.error}</div>}
          </td>
          <td className="num">{r.attempt}</td>
          <td className="num">{r.statusCode ?? '—'}</td>
          <td className="num nowrap">{Math.round(r.latencyMs)} ms</td>
        </tr>
      ))}
    </DataTable>
  );
}
