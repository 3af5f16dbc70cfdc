import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect, Executor } from '../../../platform/db/index.ts';
import type { MonitorState } from '../schema.ts';
import type { HistoryTables } from './schema.ts';
import type { FlipPoint, Interval } from './timeline.ts';

export const historyDb = (db: Executor) => db.withTables<HistoryTables>();

const distinct = (ids: readonly string[]) => [...new Set(ids)];

/** A list of ids as one bound parameter (a JSON array on SQLite, a text[] on PostgreSQL), so 10,000 ids cost one placeholder. */
export function idTable(dialect: Dialect, ids: readonly string[]): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`(select unnest(${distinct(ids)}::text[]) as id)` : sql`(select value as id from json_each(${JSON.stringify(distinct(ids))}))`;
}

/** `column` is one of `ids`; on PostgreSQL `= any(array)`, which the planner turns into index lookups where `in (select unnest …)` got a hash join over a table scan. */
export function inIds(dialect: Dialect, column: string, ids: readonly string[]): RawBuilder<SqlBool> {
  return dialect === 'postgres' ? sql<SqlBool>`${sql.ref(column)} = any(${distinct(ids)}::text[])` : sql<SqlBool>`${sql.ref(column)} in ${idTable(dialect, ids)}`;
}

/**
 * `monitors m where …` limited to `ids`, each found by primary key; callers go on with `and …`.
 * Without statistics SQLite would rather walk the organization's whole index (`org_id = ?`) and
 * test every row against the list, so there the list drives (a CROSS JOIN keeps the order written).
 */
export function monitorsIn(dialect: Dialect, ids: readonly string[]): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`monitors m where ${inIds(dialect, 'm.id', ids)}` : sql`${idTable(dialect, ids)} i cross join monitors m on m.id = i.id where 1 = 1`;
}

export const least = (dialect: Dialect) => sql.raw(dialect === 'postgres' ? 'least' : 'min');
export const greatest = (dialect: Dialect) => sql.raw(dialect === 'postgres' ? 'greatest' : 'max');

export interface MonitorMeta {
  id: string;
  orgId: string;
  createdAt: number | null;
  state: MonitorState | null;
  intervalS: number | null;
}

export async function loadMonitorMetas(db: Executor, dialect: Dialect, orgId: string, ids: readonly string[]): Promise<MonitorMeta[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string; org_id: string; created_at: number; state: MonitorState; interval_s: number }>`
    select m.id, m.org_id, m.created_at, m.state, m.interval_s from ${monitorsIn(dialect, ids)} and m.org_id = ${orgId}`.execute(db);
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, createdAt: Number(r.created_at), state: r.state, intervalS: r.interval_s }));
}

type FlipRow = FlipPoint & { monitor_id: string; id: string };

// Fields named one by one: spreading the driver's null-prototype rows costs several times more.
const toFlip = (r: FlipRow): FlipRow => ({ monitor_id: r.monitor_id, id: r.id, at: Number(r.at), from_state: r.from_state, to_state: r.to_state });

export interface FlipHistory {
  prior: FlipPoint | null;
  flips: FlipPoint[];
  firstAfter: FlipPoint | null;
}

/**
 * What the timeline of each monitor over [from, to) needs: the last flip at or before `from`
 * (one index seek per monitor), the flips inside, and the first flip after `from`.
 */
export async function loadFlipHistories(db: Executor, dialect: Dialect, orgId: string, ids: readonly string[], from: number, to: number): Promise<Map<string, FlipHistory>> {
  const out = new Map<string, FlipHistory>(ids.map((id) => [id, { prior: null, flips: [], firstAfter: null }]));
  if (ids.length === 0) return out;
  const pick = (of: readonly string[], cmp: RawBuilder<unknown>, order: RawBuilder<unknown>) => sql<FlipRow>`
    select f.monitor_id, f.id, f.at, f.from_state, f.to_state from monitor_flips f
    where f.org_id = ${orgId} and f.id in (
      select (select g.id from monitor_flips g where g.monitor_id = i.id and ${cmp} order by ${order} limit 1) from ${idTable(dialect, of)} i)`;
  const [prior, inside] = await Promise.all([
    pick(ids, sql`g.at <= ${from}`, sql`g.at desc, g.id desc`).execute(db),
    historyDb(db)
      .selectFrom('monitor_flips')
      .select(['monitor_id', 'id', 'at', 'from_state', 'to_state'])
      .where('org_id', '=', orgId)
      .where(inIds(dialect, 'monitor_id', ids))
      .where('at', '>', from)
      .where('at', '<', to)
      .orderBy('monitor_id')
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  for (const r of prior.rows) out.get(r.monitor_id)!.prior = toFlip(r);
  for (const r of inside) out.get(r.monitor_id)!.flips.push(toFlip(r as FlipRow));
  // The first flip after `from` is the first one inside when there is one; only the others need a seek.
  const without = [...out].filter(([, h]) => h.flips.length === 0).map(([id]) => id);
  for (const h of out.values()) h.firstAfter = h.flips[0] ?? null;
  if (without.length > 0) for (const r of (await pick(without, sql`g.at > ${from}`, sql`g.at, g.id`).execute(db)).rows) out.get(r.monitor_id)!.firstAfter = toFlip(r);
  return out;
}

export interface GapRow {
  id: string;
  monitorId: string;
  start: number;
  end: number;
  missedChecks: number;
  cause: string;
  detail: string | null;
}

/** Coverage gaps overlapping [from, to) for the given monitors, oldest first. */
export async function loadGaps(db: Executor, dialect: Dialect, orgId: string, ids: readonly string[], from: number, to: number): Promise<Map<string, GapRow[]>> {
  const out = new Map<string, GapRow[]>();
  if (ids.length === 0) return out;
  const rows = await historyDb(db)
    .selectFrom('coverage_gaps')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(inIds(dialect, 'monitor_id', ids))
    .where('from_at', '<', to)
    .where('to_at', '>', from)
    .orderBy('from_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.monitor_id) ?? [];
    list.push({ id: r.id, monitorId: r.monitor_id, start: Number(r.from_at), end: Number(r.to_at), missedChecks: r.missed_checks, cause: r.cause, detail: r.detail });
    out.set(r.monitor_id, list);
  }
  return out;
}

export const gapIntervals = (gaps: readonly GapRow[] | undefined): Interval[] => (gaps ?? []).map((g) => ({ start: g.start, end: g.end }));
