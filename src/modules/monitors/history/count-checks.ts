import { sql } from 'kysely';
import { HOUR, SECOND } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { ceilTo, floorTo, type Range } from './range.ts';
import { historyDb } from './store.ts';
import { activeMsWithin, mergeIntervals, type Interval, type Segment } from './timeline.ts';

export interface CheckCounts {
  expected: number;
  executed: number;
  missed: number;
}

/** Expected checks in `activeMs` at one check per interval. */
export const expectedChecks = (activeMs: number, intervalS: number | null) => (intervalS ? Math.round(activeMs / (intervalS * SECOND)) : 0);

/** Above this many separate spans without rollups, raw results are counted per hour over the whole range instead. */
const MAX_SPANS = 48;

async function countRaw(db: Executor, orgId: string, monitorId: string, range: Range, spans: Interval[], rolled: Set<number>): Promise<number> {
  const q = historyDb(db)
    .selectFrom('check_results')
    .where('org_id', '=', orgId)
    .where('monitor_id', '=', monitorId)
    .where('at', '>=', range.from)
    .where('at', '<', range.to);
  if (spans.length === 0) return 0;
  if (spans.length <= MAX_SPANS) {
    const row = await q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or(spans.map((s) => eb.and([eb('at', '>=', s.start), eb('at', '<', s.end)]))))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const hour = sql<number>`at - (at % ${sql.lit(HOUR)})`;
  const rows = await q.select([hour.as('hour'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(hour).execute();
  return rows.reduce((n, r) => (rolled.has(floorTo(Number(r.hour), HOUR)) ? n : n + Number(r.n)), 0);
}

/**
 * Expected vs executed checks over a range: hours with an hour rollup take its counts (their raw
 * rows may be gone); the rest counts raw results and derives expected from the active time.
 */
export async function countChecks(db: Executor, orgId: string, monitorId: string, intervalS: number, range: Range, segments: Segment[]): Promise<CheckCounts> {
  const rollups = await historyDb(db)
    .selectFrom('monitor_rollups')
    .select(['start_at', 'expected', 'executed'])
    .where('org_id', '=', orgId)
    .where('monitor_id', '=', monitorId)
    .where('period', '=', 'hour')
    .where('start_at', '>=', ceilTo(range.from, HOUR))
    .where('start_at', '<=', range.to - HOUR)
    .orderBy('start_at')
    .execute();
  let expected = 0;
  let executed = 0;
  const unrolled: Interval[] = [];
  let cursor = range.from;
  for (const r of rollups) {
    expected += Number(r.expected);
    executed += Number(r.executed);
    unrolled.push({ start: cursor, end: Number(r.start_at) });
    cursor = Number(r.start_at) + HOUR;
  }
  unrolled.push({ start: cursor, end: range.to });
  const spans = mergeIntervals(unrolled, range.from, range.to);
  executed += await countRaw(db, orgId, monitorId, range, spans, new Set(rollups.map((r) => Number(r.start_at))));
  expected += expectedChecks(activeMsWithin(segments, spans), intervalS);
  return { expected, executed, missed: Math.max(0, expected - executed) };
}
