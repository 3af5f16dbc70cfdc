import { assertCan, type Ctx } from '../../../platform/context.ts';
import { HOUR } from '../../../platform/clock.ts';
import { aggregateStateMs, hourlyAverages } from './aggregate-durations.ts';
import { floorTo, iso, WINDOW_MS } from './range.ts';
import type { UptimeSummary, UptimeSummaryInput, WindowUptime } from './schemas.ts';
import { gapIntervals, loadFlipHistories, loadGaps, loadMonitorMetas, type MonitorMeta } from './store.ts';
import { buildSegments, clipSegments, emptyDurations, stateDurations, uptimeRatio, type StateDurations } from './timeline.ts';

type Durations = Omit<StateDurations, 'activeMs'>;

const KEY = { up: 'upMs', degraded: 'degradedMs', down: 'downMs', maintenance: 'maintenanceMs', paused: 'pausedMs', pending: 'noDataMs' } as const;

const toWindow = ({ activeMs: _a, ...d }: StateDurations): WindowUptime => ({ ...uptimeRatio(d), ...d });

/**
 * Durations per window (all ending at `to`) for each monitor: one grouped statement for the
 * monitors without coverage gaps in range, and for the others (after a restart, all of them) one
 * read of their flip timelines over the longest window, clipped to each window.
 */
async function durations(ctx: Ctx, metas: Map<string, MonitorMeta>, froms: number[], to: number): Promise<Map<string, StateDurations>[]> {
  const out = froms.map((from) => {
    const perMonitor = new Map<string, StateDurations>();
    for (const [id, meta] of metas) perMonitor.set(id, { ...emptyDurations(), noDataMs: Math.max(0, Math.min(meta.createdAt ?? from, to) - from) });
    return perMonitor;
  });
  if (metas.size === 0) return out;
  const start = Math.min(...froms);
  const gaps = await loadGaps(ctx.db, ctx.dialect, ctx.orgId, [...metas.keys()], start, to);
  const clean = [...metas.keys()].filter((id) => !gaps.has(id));
  if (clean.length > 0) {
    for (const row of await aggregateStateMs(ctx.db, ctx.dialect, ctx.orgId, clean, froms, to)) {
      const key: keyof Durations = KEY[row.state] ?? 'noDataMs';
      row.ms.forEach((ms, w) => (out[w].get(row.monitor_id)![key] += ms));
    }
  }
  if (gaps.size === 0) return out;
  for (const [id, history] of await loadFlipHistories(ctx.db, ctx.dialect, ctx.orgId, [...gaps.keys()], start, to)) {
    const meta = metas.get(id)!;
    const segments = buildSegments({ from: start, to, ...history, createdAt: meta.createdAt, current: meta.state });
    const intervals = gapIntervals(gaps.get(id));
    for (const [w, from] of froms.entries()) out[w].set(id, stateDurations(clipSegments(segments, from, to), intervals, from, to));
  }
  return out;
}

/**
 * Uptime of many monitors over named windows ending now, for dashboard lists: a handful of
 * grouped queries whatever the number of monitors, never one per monitor. Ids of other organizations are reported as not found.
 */
export async function summarizeUptime({ ctx, input }: { ctx: Ctx; input: UptimeSummaryInput }): Promise<UptimeSummary> {
  assertCan(ctx, 'read');
  const now = ctx.clock.now();
  const ids = [...new Set(input.monitorIds)];
  const metas = new Map((await loadMonitorMetas(ctx.db, ctx.dialect, ctx.orgId, ids)).map((m) => [m.id, m]));
  const windows = [...new Set(input.windows)];
  const perWindow = await durations(ctx, metas, windows.map((w) => now - WINDOW_MS[w]), now);
  const sparklines = input.sparkline ? await hourlyAverages(ctx.db, ctx.dialect, ctx.orgId, [...metas.keys()], floorTo(now, HOUR)) : null;
  const data = ids
    .filter((id) => metas.has(id))
    .map((id) => ({
      monitorId: id,
      windows: Object.fromEntries(windows.map((w, i) => [w, toWindow(perWindow[i].get(id)!)])),
      ...(sparklines ? { sparkline: sparklines.get(id) ?? Array.from({ length: 24 }, () => null) } : {}),
    }));
  return { asOf: iso(now), data, notFound: ids.filter((id) => !metas.has(id)) };
}
