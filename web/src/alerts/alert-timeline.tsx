import { Time } from '../components/time.tsx';
import type { AlertEvent } from './types.ts';

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const count = (v: unknown) => (Array.isArray(v) ? v.length : undefined);

/** One line per event, in words; the raw data stays one click away. */
function describe(e: AlertEvent): string {
  const d = e.data;
  switch (e.type) {
    case 'fired':
      return `Fired${text(d.severity) ? ` as ${d.severity}` : ''}`;
    case 'notified': {
      const n = count(d.receivers);
      return `Notified${n !== undefined ? ` ${n} receiver${n === 1 ? '' : 's'}` : ''}${text(d.status) ? ` (${d.status})` : ''}`;
    }
    case 'acknowledged':
      return 'Acknowledged';
    case 'resolved': {
      const note = text((d.annotations as Record<string, unknown> | undefined)?.resolution) ?? text(d.comment);
      return `Resolved${note ? `: ${note}` : ''}`;
    }
    case 'silenced':
      return `Silenced${count(d.silencedBy) ? ` by ${count(d.silencedBy)} silence${count(d.silencedBy) === 1 ? '' : 's'}` : ''}`;
    case 'unsilenced':
      return 'No longer silenced';
    case 'inhibited':
      return `Inhibited by ${count(d.inhibitedBy) ?? 'a'} firing alert${count(d.inhibitedBy) === 1 ? '' : 's'}`;
    case 'uninhibited':
      return 'No longer inhibited';
    case 'suppressed':
      return `Held back${text(d.reason) ? ` (${d.reason})` : ''}`;
    default:
      return e.type.charAt(0).toUpperCase() + e.type.slice(1).replaceAll('_', ' ');
  }
}

const STATE: Record<string, string> = { fired: 'down', reopened: 'down', resolved: 'up', acknowledged: 'degraded', notified: 'pending', silenced: 'paused', inhibited: 'paused', suppressed: 'maintenance' };

export function AlertTimeline({ events }: { events: AlertEvent[] }) {
  if (events.length === 0) return <p className="muted">No events recorded.</p>;
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="timeline">
      {sorted.map((e) => (
        <li key={e.id} data-state={STATE[e.type] ?? 'pending'}>
          <div className="row" style={{ gap: '0.5rem' }}>
            <strong>{describe(e)}</strong>
            <span className="muted small">
              <Time value={e.at} absolute /> · {e.actor}
              {e.episode > 1 && ` · episode ${e.episode}`}
            </span>
          </div>
          {Object.keys(e.data).length > 0 && (
            <details>
              <summary className="small">Details</summary>
              <pre className="audit-data">{JSON.stringify(e.data, null, 2)}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
