import { assertCan, type Ctx } from '../../../platform/context.ts';
import { DAY } from '../../../platform/clock.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { floorTo } from './range.ts';
import type { WindowUptime } from './schemas.ts';
import { gapIntervals, historyDb, inIds, loadFlipHistories, loadGaps, loadMonitorMetas, type MonitorMeta } from './store.ts';
import { buildSegments, clipSegments, emptyDurations, stateDurations, uptimeRatio, type StateDurations } from './timeline.ts';

const MAX_DAYS = 400;
const MAX_IDS = 10_000;

/** One UTC day (`YYYY-MM-DD`): its uptime and milliseconds per state, as `getUptime` answers them for that day. */
export type DayUptime = WindowUptime & { day: string };

type Durations = Omit<StateDurations, 'activeMs'>;

const toDay = (day: string, d: Durations): DayUptime => {
  const { upMs, degradedMs, downMs, maintenanceMs, pausedMs, noDataMs } = d;
  return { day, ...uptimeRatio(d), upMs, degradedMs, downMs, maintenanceMs, pausedMs, noDataMs };
};

async function finishedDays(ctx: Ctx, ids: string[], first: number, end: number): Promise<Map<string, Map<number, Durations>>> {
  const rows = await historyDb(ctx.db)
    .selectFrom('monitor_rollups')
    .select(['monitor_id', 'start_at', 'up_ms', 'degraded_ms', 'down_ms', 'maintenance_ms', 'paused_ms', 'nodata_ms'])
    .where('org_id', '=', ctx.orgId)
    .where(inIds(ctx.dialect, 'monitor_id', ids))
    .where('period', '=', 'day')
    .where('start_at', '>=', first)
    .where('start_at', '<=', end - DAY)
    .execute();
  const out = new Map<string, Map<number, Durations>>();
  for (const r of rows) {
    const days = out.get(r.monitor_id) ?? new Map<number, Durations>();
    const d = { upMs: Number(r.up_ms), degradedMs: Number(r.degraded_ms), downMs: Number(r.down_ms), maintenanceMs: Number(r.maintenance_ms), pausedMs: Number(r.paused_ms), noDataMs: Number(r.nodata_ms) };
    days.set(Number(r.start_at), d);
    out.set(r.monitor_id, days);
  }
  return out;
}

/** The days no day rollup covers (today, yesterday before its rollup ran), from one batched read of the flip timelines. */
async function fromTimeline(ctx: Ctx, metas: Map<string, MonitorMeta>, missing: Map<string, number[]>, end: number): Promise<Map<string, Map<number, Durations>>> {
  const out = new Map<string, Map<number, Durations>>();
  if (missing.size === 0) return out;
  const ids = [...missing.keys()];
  const from = Math.min(...[...missing.values()].map((days) => days[0]));
  const [histories, gaps] = await Promise.all([loadFlipHistories(ctx.db, ctx.dialect, ctx.orgId, ids, from, end), loadGaps(ctx.db, ctx.dialect, ctx.orgId, ids, from, end)]);
  for (const id of ids) {
    const meta = metas.get(id)!;
    const segments = buildSegments({ from, to: end, ...histories.get(id)!, createdAt: meta.createdAt, current: meta.state });
    const intervals = gapIntervals(gaps.get(id));
    const days = new Map<number, Durations>();
    for (const day of missing.get(id)!) {
      const dayEnd = Math.min(day + DAY, end);
      days.set(day, stateDurations(clipSegments(segments, day, dayEnd), intervals, day, dayEnd));
    }
    out.set(id, days);
  }
  return out;
}

/**
 * Uptime per UTC day from the day of `from` through `to` (at most now; the last day is partial)
 * for many monitors at once: finished days from the day rollups, the rest (today, days not rolled
 * up yet) from the flip timeline. Ids of other organizations are absent from the answer.
 */
export async function getDailyUptime({ ctx, monitorIds, from, to }: { ctx: Ctx; monitorIds: readonly string[]; from: number; to: number }): Promise<Map<string, DayUptime[]>> {
  assertCan(ctx, 'read');
  const end = Math.min(to, ctx.clock.now());
  const first = floorTo(from, DAY);
  if (first >= end) throw new ValidationError([{ path: 'from', message: 'must be before to (and before now)' }]);
  if ((end - first) / DAY > MAX_DAYS) throw new ValidationError([{ path: 'from', message: `the range may span at most ${MAX_DAYS} days` }]);
  const ids = [...new Set(monitorIds)];
  if (ids.length > MAX_IDS) throw new ValidationError([{ path: 'monitorIds', message: `at most ${MAX_IDS} monitors` }]);
  const metas = new Map((await loadMonitorMetas(ctx.db, ctx.dialect, ctx.orgId, ids)).map((m) => [m.id, m]));
  if (metas.size === 0) return new Map();
  const starts: number[] = [];
  for (let day = first; day < end; day += DAY) starts.push(day);
  const rolled = await finishedDays(ctx, [...metas.keys()], first, end);
  // Days that ended before the monitor existed hold no data and need no read.
  const missing = new Map<string, number[]>();
  for (const [id, meta] of metas) {
    const days = starts.filter((day) => day + DAY > (meta.createdAt ?? 0) && !rolled.get(id)?.has(day));
    if (days.length > 0) missing.set(id, days);
  }
  const computed = await fromTimeline(ctx, metas, missing, end);
  const labels = starts.map((day) => new Date(day).toISOString().slice(0, 10));
  const out = new Map<string, DayUptime[]>();
  for (const id of metas.keys()) {
    const known = (day: number) => rolled.get(id)?.get(day) ?? computed.get(id)?.get(day);
    out.set(id, starts.map((day, i) => toDay(labels[i], known(day) ?? { ...emptyDurations(), noDataMs: Math.min(day + DAY, end) - day })));
  }
  return out;
}
