import type { FlipHistory, MonitorMeta } from './store.ts';
import { expectedChecks } from './count-checks.ts';
import { latencyStats } from './latency-stats.ts';
import type { RollupRow } from './schema.ts';
import { buildSegments, stateDurations, type Interval } from './timeline.ts';

export type RollupPeriod = 'hour' | 'day';

export interface RawResult {
  outcome: 'up' | 'degraded' | 'down';
  latency: number;
}

const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

const STATES = new Set(['pending', 'up', 'degraded', 'down', 'paused', 'maintenance']);

/** A rollup is evidence: a flip naming no known state is reported, not silently counted as no data. */
function assertKnownStates(history: FlipHistory): void {
  for (const f of [history.prior, history.firstAfter, ...history.flips]) {
    if (f && (!STATES.has(f.from_state) || !STATES.has(f.to_state))) throw new Error(`flip at ${new Date(f.at).toISOString()} names an unknown state`);
  }
}

/**
 * One monitor's rollup of [start, end): counts per outcome, expected checks (active time over the
 * interval; a deleted monitor's interval is unknown, so its executed count stands in), latency of
 * successful checks by nearest rank, and milliseconds per state from the flip timeline.
 */
export function rollupRow(meta: MonitorMeta, period: RollupPeriod, start: number, end: number, history: FlipHistory, gaps: Interval[], results: RawResult[]): RollupRow {
  assertKnownStates(history);
  const segments = buildSegments({ from: start, to: end, ...history, createdAt: meta.createdAt, current: meta.state });
  const d = stateDurations(segments, gaps, start, end);
  const count = (o: RawResult['outcome']) => results.filter((r) => r.outcome === o).length;
  const stats = latencyStats(results.filter((r) => r.outcome !== 'down').map((r) => r.latency));
  return {
    org_id: meta.orgId,
    monitor_id: meta.id,
    period,
    start_at: start,
    expected: meta.intervalS ? expectedChecks(d.activeMs, meta.intervalS) : results.length,
    executed: results.length,
    up: count('up'),
    degraded: count('degraded'),
    down: count('down'),
    latency_p50: stats.p50,
    latency_p95: stats.p95,
    latency_p99: stats.p99,
    latency_avg: round3(stats.avg),
    up_ms: d.upMs,
    degraded_ms: d.degradedMs,
    down_ms: d.downMs,
    maintenance_ms: d.maintenanceMs,
    paused_ms: d.pausedMs,
    nodata_ms: d.noDataMs,
  };
}
