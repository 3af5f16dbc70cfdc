import { formatLocalShort } from './time.tsx';

export interface UptimeDay {
  /** Start of the day (or bucket). */
  start: string | number;
  /** 0..1, or null when there is no data for the bucket. */
  uptime: number | null;
  maintenance?: boolean;
}

const level = (d: UptimeDay) => (d.uptime === null ? (d.maintenance ? 'maintenance' : 'nodata') : d.uptime >= 0.999 ? 'up' : d.uptime >= 0.95 ? 'partial' : 'down');
const describe = (d: UptimeDay) => `${formatLocalShort(d.start).split(',')[0]}: ${d.uptime === null ? (d.maintenance ? 'maintenance' : 'no data') : `${(d.uptime * 100).toFixed(2)}% up`}`;

/** One bar per day, oldest first, colored by that day's uptime. */
export function UptimeBars({ days }: { days: UptimeDay[] }) {
  return (
    <div>
      <div className="uptime-bars" role="img" aria-label={`Daily uptime for the last ${days.length} days`}>
        {days.map((d) => (
          <span key={String(d.start)} data-level={level(d)} title={describe(d)} />
        ))}
      </div>
      <div className="legend" aria-hidden="true">
        <span><i style={{ background: 'var(--up)' }} />≥ 99.9%</span>
        <span><i style={{ background: 'var(--degraded)' }} />≥ 95%</span>
        <span><i style={{ background: 'var(--down)' }} />&lt; 95%</span>
        <span><i style={{ background: 'var(--nodata)' }} />no data</span>
      </div>
    </div>
  );
}
