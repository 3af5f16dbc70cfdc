import { sql, type RawBuilder } from 'kysely';
import { DAY, HOUR } from '../../../platform/clock.ts';
import type { Dialect, Executor } from '../../../platform/db/index.ts';
import { historyDb } from './store.ts';

/** Organizations that may hold history: those with monitors or retention settings. */
export async function historyOrgIds(db: Executor): Promise<string[]> {
  const q = historyDb(db);
  const rows = await q.selectFrom('monitors').select('org_id').distinct().union(q.selectFrom('monitor_retention').select('org_id')).execute();
  return rows.map((r) => r.org_id);
}

const rolledUp = (period: 'hour' | 'day') =>
  sql`exists (select 1 from monitor_rollups r where r.monitor_id = c.monitor_id and r.period = ${period} and r.start_at = c.at - (c.at % ${sql.lit(period === 'hour' ? HOUR : DAY)}))`;

/** Up to `limit` (monitor, day) pairs with raw results before `cutoff` whose hour or day rollup is missing. */
export async function unrolledDays(db: Executor, orgId: string, cutoff: number, limit: number): Promise<{ monitorId: string; day: number }[]> {
  const result = await sql<{ monitor_id: string; day: number }>`
    select distinct c.monitor_id, c.at - (c.at % ${sql.lit(DAY)}) as day from check_results c
    where c.org_id = ${orgId} and c.at < ${cutoff} and not (${rolledUp('hour')} and ${rolledUp('day')})
    limit ${limit}`.execute(db);
  return result.rows.map((r) => ({ monitorId: r.monitor_id, day: Number(r.day) }));
}

/** Deletes up to `limit` rows of `table` (aliased `c`) matching `where`; the row address (rowid / ctid) bounds the batch. */
async function deleteBatch(db: Executor, dialect: Dialect, table: string, where: RawBuilder<unknown>, limit: number): Promise<number> {
  const address = sql.raw(dialect === 'postgres' ? 'ctid' : 'rowid');
  const result = await sql`delete from ${sql.table(table)} where ${address} in (select ${address} from ${sql.table(table)} c where ${where} limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** Raw results before `cutoff` whose hour and day rollups both exist; the others are kept. */
export const deleteRolledUpResults = (db: Executor, dialect: Dialect, orgId: string, cutoff: number, limit: number) =>
  deleteBatch(db, dialect, 'check_results', sql`c.org_id = ${orgId} and c.at < ${cutoff} and ${rolledUp('hour')} and ${rolledUp('day')}`, limit);

export const HISTORY_TABLES = ['monitor_flips', 'coverage_gaps', 'monitor_rollups'] as const;

/** Flips and gaps by time; rollups one period at a time, so the (period, start_at) index bounds the scan. */
export async function deleteOldHistory(db: Executor, dialect: Dialect, table: (typeof HISTORY_TABLES)[number], orgId: string, cutoff: number, limit: number): Promise<number> {
  if (table === 'monitor_flips') return deleteBatch(db, dialect, table, sql`c.org_id = ${orgId} and c.at < ${cutoff}`, limit);
  if (table === 'coverage_gaps') return deleteBatch(db, dialect, table, sql`c.org_id = ${orgId} and c.to_at < ${cutoff}`, limit);
  let deleted = 0;
  for (const period of ['hour', 'day']) {
    deleted += await deleteBatch(db, dialect, table, sql`c.period = ${period} and c.start_at < ${cutoff} and c.org_id = ${orgId}`, limit - deleted);
    if (deleted >= limit) break;
  }
  return deleted;
}
