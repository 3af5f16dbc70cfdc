import { Link } from 'wouter';
import type { CursorList } from '../api/use-cursor-list.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { Time } from '../components/time.tsx';
import { ReceiptStatus } from './receipt-status.tsx';
import type { Receipt } from './types.ts';

/** Delivery receipts, newest first: one row per attempt, with the receiver's answer. */
export function ReceiptsTable({ list, channelName, empty }: { list: CursorList<Receipt>; channelName?: (id: string) => string; empty: string }) {
  if (list.error) return <ErrorBanner error={list.error} />;
  if (!list.loaded) return <Loading />;
  if (list.items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table stack-sm">
        <thead>
          <tr>
            <th>Time</th>
            <th>Result</th>
            {channelName && <th>Channel</th>}
            <th>What</th>
            <th className="num">Attempt</th>
            <th className="num">Answer</th>
            <th className="num">Latency</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      {list.hasMore && (
        <div className="form-actions" style={{ paddingTop: '0.75rem' }}>
          <Button size="sm" onClick={list.loadMore} busy={list.loading}>
            Older receipts
          </Button>
        </div>
      )}
    </div>
  );
}
