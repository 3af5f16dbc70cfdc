import { memo } from 'react';
import { Link } from 'wouter';
import type { Monitor } from '../api/types.ts';
import { LabelList } from '../components/labels.tsx';
import { Sparkline } from '../components/sparkline.tsx';
import { StateBadge } from '../components/state-badge.tsx';
import { Time } from '../components/time.tsx';
import { typeLabel } from './probe-fields/registry.ts';
import type { MonitorSummary } from './use-uptime-summaries.ts';

export const formatUptime = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? '—' : `${(Math.floor(ratio * 10000) / 100).toFixed(2)}%`);

function Uptime({ summary, window, unsupported }: { summary: MonitorSummary | undefined; window: string; unsupported: boolean }) {
  const value = summary?.windows[window]?.uptime;
  return (
    <span role="cell" className="col-uptime num">
      <span className="cell-label">{window} </span>
      {summary || unsupported ? formatUptime(value) : <span className="muted">…</span>}
    </span>
  );
}

export const MonitorRow = memo(function MonitorRow({ monitor, summary, unsupported }: { monitor: Monitor; summary: MonitorSummary | undefined; unsupported: boolean }) {
  return (
    <div role="row" className="monitor-row" data-state={monitor.state}>
      <span role="cell" className="col-state">
        <StateBadge state={monitor.state} />
      </span>
      <span role="cell" className="col-name">
        <Link href={monitor.type === 'heartbeat' ? `/heartbeats/${monitor.id}` : `/monitors/${monitor.id}`} className="monitor-name truncate">
          {monitor.name}
        </Link>
        <span className="monitor-meta">
          <span className="muted small">{typeLabel(monitor.type)}</span>
          <LabelList labels={monitor.labels} max={3} />
        </span>
      </span>
      <Uptime summary={summary} window="24h" unsupported={unsupported} />
      <Uptime summary={summary} window="30d" unsupported={unsupported} />
      <span role="cell" className="col-spark">
        <Sparkline values={summary?.sparkline ?? []} label={`Latency over the last 24 hours for ${monitor.name}`} width={110} height={26} />
      </span>
      <span role="cell" className="col-checked small muted">
        {monitor.lastCheckAt ? <Time value={monitor.lastCheckAt} /> : 'not checked yet'}
        {monitor.lastLatencyMs !== null && <span className="nowrap"> · {Math.round(monitor.lastLatencyMs)} ms</span>}
      </span>
    </div>
  );
});
