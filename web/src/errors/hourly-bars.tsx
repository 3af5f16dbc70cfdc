import { formatLocalShort } from '../components/time.tsx';

/** Events per hour over the last day, as bars (one per hour, oldest first). */
export function HourlyBars({ buckets, level }: { buckets: Array<{ at: string; count: number }>; level: string }) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const total = buckets.reduce((n, b) => n + b.count, 0);
  return (
    <figure className="hourly" data-level={level}>
      <div className="hourly-bars" role="img" aria-label={`${total} events in the last 24 hours`}>
        {buckets.map((b) => (
          <span key={b.at} title={`${formatLocalShort(b.at)}: ${b.count} event${b.count === 1 ? '' : 's'}`}>
            <i style={{ height: `${b.count === 0 ? 0 : Math.max(6, (b.count / max) * 100)}%` }} />
          </span>
        ))}
      </div>
      <figcaption className="small muted">
        <span>24 hours ago</span>
        <span>{total.toLocaleString()} in the last 24 h</span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
