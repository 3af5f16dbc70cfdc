import { assertCan, type Ctx } from '../../../platform/context.ts';
import { DAY, HOUR, MINUTE, SECOND } from '../../../platform/clock.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { getMonitorInOrg } from '../get-monitor.ts';
import { latencyStats, type LatencyStats } from './latency-stats.ts';
import { ceilTo, floorTo, iso, resolveRange, type Range } from './range.ts';
import type { LatencyPoint, LatencyQuery, LatencySeries } from './schemas.ts';
import { historyDb } from './store.ts';

const MAX_POINTS = 2_000;
const RAW_MAX_SPAN = 7 * DAY;
const AUTO_STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, DAY, 7 * DAY];
const UNIT: Record<string, number> = { s: SECOND, m: MINUTE, h: HOUR, d: DAY };

export function parseStep(step: string): number {
  const unit = /[smhd]$/.test(step) ? step.at(-1)! : 's';
  return Number.parseInt(step, 10) * UNIT[unit];
}

type Part = LatencyStats & { start: number };

function merge(parts: Part[]): { point: Omit<LatencyPoint, 't'>; exact: boolean } {
  const withData = parts.filter((p) => p.count > 0);
  if (withData.length === 0) return { point: { p50: null, p95: null, p99: null, avg: null, count: 0 }, exact: true };
  if (withData.length === 1) {
    const { start: _s, ...only } = withData[0];
    return { point: only, exact: true };
  }
  const count = withData.reduce((n, p) => n + p.count, 0);
  const mean = (key: 'p50' | 'p95' | 'p99' | 'avg') => withData.reduce((s, p) => s + (p[key] ?? 0) * p.count, 0) / count;
  return { point: { p50: mean('p50'), p95: mean('p95'), p99: mean('p99'), avg: mean('avg'), count }, exact: false };
}

async function rawSamples(ctx: Ctx, id: string, range: Range): Promise<{ at: number; latency: number }[]> {
  const rows = await historyDb(ctx.db)
    .selectFrom('check_results')
    .select(['at', 'latency_ms'])
    .where('org_id', '=', ctx.orgId)
    .where('monitor_id', '=', id)
    .where('at', '>=', range.from)
    .where('at', '<', range.to)
    .where('outcome', '!=', 'down')
    .execute();
  return rows.map((r) => ({ at: Number(r.at), latency: r.latency_ms }));
}

function partsFromRaw(samples: { at: number; latency: number }[], width: number): Part[] {
  const byStart = new Map<number, number[]>();
  for (const s of samples) {
    const start = floorTo(s.at, width);
    const list = byStart.get(start) ?? [];
    list.push(s.latency);
    byStart.set(start, list);
  }
  return [...byStart].map(([start, values]) => ({ start, ...latencyStats(values) }));
}

/** Rollups of the period over the range, then raw results after the last rollup (the hours not rolled up yet). */
async function rollupParts(ctx: Ctx, id: string, range: Range, period: 'hour' | 'day'): Promise<Part[]> {
  const width = period === 'hour' ? HOUR : DAY;
  const rows = await historyDb(ctx.db)
    .selectFrom('monitor_rollups')
    .select(['start_at', 'up', 'degraded', 'latency_p50', 'latency_p95', 'latency_p99', 'latency_avg'])
    .where('org_id', '=', ctx.orgId)
    .where('monitor_id', '=', id)
    .where('period', '=', period)
    .where('start_at', '>=', floorTo(range.from, width))
    .where('start_at', '<', range.to)
    .orderBy('start_at')
    .execute();
  const parts: Part[] = rows.map((r) => ({ start: Number(r.start_at), count: r.up + r.degraded, p50: r.latency_p50, p95: r.latency_p95, p99: r.latency_p99, avg: r.latency_avg }));
  const rolledUntil = parts.length ? parts.at(-1)!.start + width : floorTo(range.from, width);
  if (rolledUntil < range.to) {
    const tail = { from: Math.max(rolledUntil, range.to - RAW_MAX_SPAN), to: range.to };
    parts.push(...partsFromRaw(await rawSamples(ctx, id, tail), width));
  }
  return parts;
}

/**
 * A latency series for charts, over successful checks (up and degraded). Sub-hour steps read raw
 * results (at most 7 days); longer steps read hourly or daily rollups, whose buckets span whole periods.
 */
export async function getLatencySeries({ ctx, id, input }: { ctx: Ctx; id: string; input: LatencyQuery }): Promise<LatencySeries> {
  assertCan(ctx, 'read');
  await getMonitorInOrg(ctx, id);
  const range = resolveRange(input, ctx.clock.now());
  const span = range.to - range.from;
  let step = input.step ? parseStep(input.step) : (AUTO_STEPS.find((s) => span / s <= 300) ?? 7 * DAY);
  if (step < SECOND) throw new ValidationError([{ path: 'step', message: 'must be at least 1 second' }]);
  if (step < HOUR && span > RAW_MAX_SPAN) throw new ValidationError([{ path: 'step', message: 'steps under an hour cover at most 7 days; use 1h or more' }]);
  const source = step < HOUR ? 'raw' : step % DAY === 0 ? 'day' : 'hour';
  if (source === 'hour') step = ceilTo(step, HOUR);
  const first = floorTo(range.from, step);
  if ((range.to - first) / step > MAX_POINTS) throw new ValidationError([{ path: 'step', message: `would give more than ${MAX_POINTS} points; use a longer step` }]);

  const parts = source === 'raw' ? partsFromRaw(await rawSamples(ctx, id, range), step) : await rollupParts(ctx, id, range, source);
  const buckets = new Map<number, Part[]>();
  for (const p of parts) {
    const t = floorTo(p.start, step);
    buckets.set(t, [...(buckets.get(t) ?? []), p]);
  }
  let exact = true;
  const points: LatencyPoint[] = [];
  for (let t = first; t < range.to; t += step) {
    const merged = merge(buckets.get(t) ?? []);
    exact &&= merged.exact;
    points.push({ t: iso(t), ...merged.point });
  }
  return { monitorId: id, from: iso(range.from), to: iso(range.to), step: step / SECOND, source, exact, points };
}
