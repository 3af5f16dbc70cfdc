import type { Monitor, Page } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { UptimeBars } from '../../components/uptime-bars.tsx';
import { formatUptime } from '../monitor-row.tsx';
import type { MonitorSummary } from '../use-uptime-summaries.ts';
import { dailyUptime } from './daily-uptime.ts';
import { HistoryCard } from './history-card.tsx';
import { minutesAgo } from './latency-card.tsx';
import type { Flip } from './history-types.ts';

const WINDOWS = ['24h', '7d', '30d', '90d'];

function WindowFigures({ monitorId, refreshKey }: { monitorId: string; refreshKey: number }) {
  const summary = useFetch<{ data: Array<MonitorSummary & { monitorId: string }> }>('/uptime/summary', undefined, { body: { monitorIds: [monitorId], windows: WINDOWS }, refreshKey });
  const row = summary.data?.data[0];
  return (
    <dl className="uptime-figures">
      {WINDOWS.map((w) => (
        <div key={w}>
          <dt>{w}</dt>
          <dd>{row ? formatUptime(row.windows[w]?.uptime) : '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Uptime over standard windows, and one bar per day for the last 90 days. */
export function UptimeCard({ monitor, refreshKey }: { monitor: Monitor; refreshKey: number }) {
  const flips = useFetch<Page<Flip>>(`/monitors/${monitor.id}/flips`, { from: minutesAgo(90 * 86_400_000), limit: 1000 }, { refreshKey });
  return (
    <HistoryCard title="Uptime" fetched={flips}>
      {(page) => (
        <div className="stack" style={{ gap: '0.75rem' }}>
          <WindowFigures monitorId={monitor.id} refreshKey={refreshKey} />
          <UptimeBars days={dailyUptime(page.data, monitor.createdAt, monitor.state, Date.now())} />
          <p className="muted small" style={{ margin: 0 }}>
            90 days, oldest on the left; maintenance and paused time are not counted.
          </p>
        </div>
      )}
    </HistoryCard>
  );
}
