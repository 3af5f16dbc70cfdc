import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { formatUtc } from '../../components/time.tsx';
import { LevelBadge } from '../issue-badges.tsx';
import type { Breadcrumb } from './read-event.ts';

const SHOWN = 25;
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false });

function when(ts: string | undefined) {
  const d = ts ? new Date(ts) : null;
  if (!d || Number.isNaN(d.getTime())) return <span className="muted">—</span>;
  return (
    <time dateTime={d.toISOString()} title={formatUtc(d)}>
      {clock.format(d)}
    </time>
  );
}

/** What the app did before the event, most recent last (as it happened). */
export function Breadcrumbs({ crumbs }: { crumbs: Breadcrumb[] }) {
  const [all, setAll] = useState(false);
  if (crumbs.length === 0) return <p className="muted">No breadcrumbs were sent with this event.</p>;
  const shown = all ? crumbs : crumbs.slice(-SHOWN);
  return (
    <>
      {crumbs.length > shown.length && (
        <Button size="sm" variant="ghost" onClick={() => setAll(true)}>
          Show {crumbs.length - shown.length} earlier
        </Button>
      )}
      <div className="table-wrap">
        <table className="table stack-sm breadcrumbs" aria-label="Breadcrumbs">
          <thead>
            <tr>
              <th>Time</th>
              <th>Category</th>
              <th>Level</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((b, i) => (
              <tr key={i}>
                <td className="nowrap small mono">{when(b.timestamp)}</td>
                <td className="nowrap small">{b.category ?? b.type ?? 'default'}</td>
                <td>{b.level ? <LevelBadge level={b.level} /> : <span className="muted small">—</span>}</td>
                <td className="crumb-message">
                  {b.message && <span>{b.message}</span>}
                  {b.data && <code className="crumb-data small">{JSON.stringify(b.data)}</code>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
