import { getUptime, listCoverageGaps, type CoverageGap, type Monitor, type Uptime } from '../../monitors/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import { allPages, iso } from '../collect.ts';
import type { Period } from '../period.ts';

export interface MonitorHistory {
  monitor: Monitor;
  uptime: Uptime;
  gaps: CoverageGap[];
}

/** Each monitor that existed before the period ended, with its uptime and every coverage gap overlapping the period. */
export async function loadMonitorHistories(ctx: Ctx, monitors: Monitor[], period: Period): Promise<MonitorHistory[]> {
  const range = { from: iso(period.from), to: iso(period.to) };
  const out: MonitorHistory[] = [];
  for (const monitor of monitors) {
    if (Date.parse(monitor.createdAt) >= period.to) continue;
    const uptime = await getUptime({ ctx, id: monitor.id, input: range });
    const gaps = await allPages((cursor) => listCoverageGaps({ ctx, id: monitor.id, input: { ...range, cursor, limit: 1000 } }));
    out.push({ monitor, uptime, gaps: gaps.toReversed() });
  }
  return out;
}
