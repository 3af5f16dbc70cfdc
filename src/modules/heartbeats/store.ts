import { sql, type Dialect, type Executor } from '../../platform/db/index.ts';
import { executeSql, executeValues, marks } from './compiled-sql.ts';
import type { HeartbeatPingKeysTable, HeartbeatPingsTable, HeartbeatsTable, HeartbeatTables } from './schema.ts';
import type { HeartbeatTrack, OpenRun } from './transition.ts';

export const heartbeatsDb = (db: Executor) => db.withTables<HeartbeatTables>();

const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const num = (v: number | null) => (v === null ? null : Number(v));

const NO_RUNS = Object.freeze([]) as unknown as OpenRun[];
// Most rows have no open run; the ping path then neither parses nor serializes.
const parseRuns = (json: string): OpenRun[] => (json === '[]' ? NO_RUNS : (JSON.parse(json) as OpenRun[]));

export function trackOf(r: HeartbeatsTable): HeartbeatTrack {
  return {
    health: r.health,
    lastPingAt: r.last_ping_at,
    lastPingKind: r.last_ping_kind,
    lastFinishAt: r.last_finish_at,
    nextExpectedAt: r.next_expected_at,
    openRuns: parseRuns(r.open_runs),
  };
}

// Every column spelled out: spreading a driver's row object is among the costliest steps of a ping.
export function withTrack(r: HeartbeatsTable, t: HeartbeatTrack): HeartbeatsTable {
  return {
    monitor_id: r.monitor_id,
    org_id: r.org_id,
    ping_id: r.ping_id,
    push_token: r.push_token,
    slug: r.slug,
    config_at: r.config_at,
    next_deadline: r.next_deadline,
    suspended: r.suspended,
    ping_count: r.ping_count,
    created_at: r.created_at,
    updated_at: r.updated_at,
    health: t.health,
    last_ping_at: t.lastPingAt,
    last_ping_kind: t.lastPingKind,
    last_finish_at: t.lastFinishAt,
    next_expected_at: t.nextExpectedAt,
    open_runs: t.openRuns.length === 0 ? '[]' : JSON.stringify(t.openRuns),
  };
}

/** Rows by ping uuid, push token or monitor id, locked in id order on PostgreSQL so concurrent batches never deadlock. */
export async function lockHeartbeats(db: Executor, dialect: Dialect, keys: { pingIds: string[]; pushTokens: string[]; monitorIds: string[] }): Promise<HeartbeatsTable[]> {
  const where: string[] = [];
  const parameters: string[] = [];
  for (const [column, values] of [['ping_id', keys.pingIds], ['push_token', keys.pushTokens], ['monitor_id', keys.monitorIds]] as const) {
    if (values.length === 0) continue;
    const unique = padded([...new Set(values)]);
    where.push(`${column} in ${marks(dialect, unique.length, parameters.length + 1)}`);
    parameters.push(...unique);
  }
  if (where.length === 0) return [];
  return executeSql<HeartbeatsTable>(db, `select * from heartbeats where ${where.join(' or ')} order by monitor_id${dialect === 'postgres' ? ' for update' : ''}`, parameters);
}

/** Repeats the last value up to a power of two, so a few statement texts serve every batch size. */
function padded(values: string[]): string[] {
  let size = 1;
  while (size < values.length) size *= 2;
  while (values.length < size) values.push(values[values.length - 1]);
  return values;
}

export async function dueHeartbeats(db: Executor, dialect: Dialect, now: number, limit: number): Promise<HeartbeatsTable[]> {
  const rows = await heartbeatsDb(db)
    .selectFrom('heartbeats')
    .selectAll()
    .where('next_deadline', '<=', now)
    .orderBy('next_deadline')
    .limit(limit)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked())
    .execute();
  return rows;
}

export async function heartbeatsByMonitor(db: Executor, monitorIds: string[]): Promise<Map<string, HeartbeatsTable>> {
  const out = new Map<string, HeartbeatsTable>();
  for (const ids of chunks(monitorIds)) {
    for (const r of await heartbeatsDb(db).selectFrom('heartbeats').selectAll().where('monitor_id', 'in', ids).execute()) out.set(r.monitor_id, r);
  }
  return out;
}

/** Which of the monitors have a row, and the settings version (`config_at`) it reflects. */
export async function heartbeatConfigVersions(db: Executor, monitorIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const ids of chunks(monitorIds)) {
    for (const r of await heartbeatsDb(db).selectFrom('heartbeats').select(['monitor_id', 'config_at']).where('monitor_id', 'in', ids).execute()) out.set(r.monitor_id, Number(r.config_at));
  }
  return out;
}

export async function insertMissingHeartbeats(db: Executor, rows: HeartbeatsTable[]): Promise<void> {
  for (const chunk of chunks(rows, 100)) {
    await heartbeatsDb(db)
      .insertInto('heartbeats')
      .values(chunk)
      .onConflict((oc) => oc.column('monitor_id').doNothing())
      .execute();
  }
}

const WRITE_STATE = `with v(monitor_id, health, last_ping_at, last_ping_kind, last_finish_at, next_expected_at, open_runs, suspended, ping_count, updated_at) as (values {values})
  update heartbeats set
    health = cast(v.health as text), last_ping_at = cast(v.last_ping_at as bigint), last_ping_kind = cast(v.last_ping_kind as text),
    last_finish_at = cast(v.last_finish_at as bigint), next_expected_at = cast(v.next_expected_at as bigint),
    open_runs = cast(v.open_runs as text), suspended = cast(v.suspended as integer), ping_count = cast(v.ping_count as integer), updated_at = cast(v.updated_at as bigint)
  from v where heartbeats.monitor_id = v.monitor_id`;
const stateValues = (r: HeartbeatsTable) => [r.monitor_id, r.health, r.last_ping_at, r.last_ping_kind, r.last_finish_at, r.next_expected_at, r.open_runs, r.suspended, r.ping_count, r.updated_at];
const WRITE_DEADLINES = `with v(monitor_id, next_deadline) as (values {values})
  update heartbeats set next_deadline = cast(v.next_deadline as bigint) from v where heartbeats.monitor_id = v.monitor_id`;

/**
 * Writes what pings and deadlines change (settings go through `writeHeartbeatConfig`). The indexed
 * `next_deadline` is written only for rows not in `deadlineUnchanged`.
 */
export async function writeHeartbeats(db: Executor, dialect: Dialect, rows: HeartbeatsTable[], deadlineUnchanged: ReadonlySet<string> = new Set()): Promise<void> {
  for (const chunk of chunks(rows)) await executeValues(db, dialect, WRITE_STATE, chunk.map(stateValues));
  const moved = rows.filter((r) => !deadlineUnchanged.has(r.monitor_id));
  for (const chunk of chunks(moved)) await executeValues(db, dialect, WRITE_DEADLINES, chunk.map((r) => [r.monitor_id, r.next_deadline]));
}

/** Settings changes: the slug and push token (both indexed), and the schedule they move. */
export async function writeHeartbeatConfig(db: Executor, rows: HeartbeatsTable[]): Promise<void> {
  for (const r of rows) {
    await heartbeatsDb(db)
      .updateTable('heartbeats')
      .set({ slug: r.slug, push_token: r.push_token, config_at: r.config_at, next_expected_at: r.next_expected_at, next_deadline: r.next_deadline, updated_at: r.updated_at })
      .where('monitor_id', '=', r.monitor_id)
      .execute();
  }
}

export async function deleteHeartbeats(db: Executor, monitorIds: string[]): Promise<void> {
  for (const ids of chunks(monitorIds)) await heartbeatsDb(db).deleteFrom('heartbeats').where('monitor_id', 'in', ids).execute();
}

const INSERT_PINGS = 'insert into heartbeat_pings (id, org_id, monitor_id, at, kind, exit_status, rid, duration_ms, body, body_bytes, source, method, remote_addr, user_agent) values {values}';
const pingValues = (p: HeartbeatPingsTable) => [p.id, p.org_id, p.monitor_id, p.at, p.kind, p.exit_status, p.rid, p.duration_ms, p.body, p.body_bytes, p.source, p.method, p.remote_addr, p.user_agent];

export async function insertPings(db: Executor, dialect: Dialect, pings: HeartbeatPingsTable[]): Promise<void> {
  for (const chunk of chunks(pings, 100)) await executeValues(db, dialect, INSERT_PINGS, chunk.map(pingValues));
}

export async function heartbeatsBySlug(db: Executor, orgId: string, slug: string): Promise<HeartbeatsTable[]> {
  return heartbeatsDb(db).selectFrom('heartbeats').selectAll().where('org_id', '=', orgId).where('slug', '=', slug).execute();
}

/** The newest `perMonitor` pings of each monitor, newest first. */
export async function recentPings(db: Executor, orgId: string, monitorIds: string[], perMonitor: number): Promise<HeartbeatPingsTable[]> {
  const out: HeartbeatPingsTable[] = [];
  for (const ids of chunks(monitorIds, 100)) {
    const ranked = heartbeatsDb(db)
      .selectFrom('heartbeat_pings')
      .selectAll()
      .select(sql<number>`row_number() over (partition by monitor_id order by at desc, id desc)`.as('n'))
      .where('org_id', '=', orgId)
      .where('monitor_id', 'in', ids)
      .as('ranked');
    const rows = await heartbeatsDb(db).selectFrom(ranked).selectAll().where('n', '<=', perMonitor).orderBy('at', 'desc').orderBy('id', 'desc').execute();
    out.push(...rows.map(({ n: _n, ...p }) => ({ ...p, at: Number(p.at), duration_ms: num(p.duration_ms) })));
  }
  return out;
}

/** Finished runs (pings with a duration), newest first. */
export async function recentRuns(db: Executor, orgId: string, monitorId: string, limit: number): Promise<HeartbeatPingsTable[]> {
  const rows = await heartbeatsDb(db)
    .selectFrom('heartbeat_pings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('monitor_id', '=', monitorId)
    .where('duration_ms', 'is not', null)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((p) => ({ ...p, at: Number(p.at), duration_ms: num(p.duration_ms) }));
}

/** Keeps the newest `keep` pings of a monitor; returns how many were deleted. */
export async function prunePings(db: Executor, monitorId: string, keep: number): Promise<number> {
  const cutoff = await heartbeatsDb(db).selectFrom('heartbeat_pings').select(['at', 'id']).where('monitor_id', '=', monitorId).orderBy('at', 'desc').orderBy('id', 'desc').offset(keep - 1).limit(1).executeTakeFirst();
  if (!cutoff) return 0;
  const r = await heartbeatsDb(db)
    .deleteFrom('heartbeat_pings')
    .where('monitor_id', '=', monitorId)
    .where((eb) => eb.or([eb('at', '<', cutoff.at), eb.and([eb('at', '=', cutoff.at), eb('id', '<', cutoff.id)])]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function findPingKey(db: Executor, orgId: string): Promise<HeartbeatPingKeysTable | undefined> {
  return heartbeatsDb(db).selectFrom('heartbeat_ping_keys').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function orgByPingKeyHash(db: Executor, keyHash: string): Promise<string | null> {
  const row = await heartbeatsDb(db).selectFrom('heartbeat_ping_keys').select('org_id').where('key_hash', '=', keyHash).executeTakeFirst();
  return row?.org_id ?? null;
}

export async function savePingKey(db: Executor, row: HeartbeatPingKeysTable): Promise<void> {
  await heartbeatsDb(db)
    .insertInto('heartbeat_ping_keys')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ key_hash: row.key_hash, prefix: row.prefix, created_at: row.created_at }))
    .execute();
}

/** Serializes slug creation per organization on PostgreSQL (SQLite has a single writer already). */
export async function lockPingKey(db: Executor, dialect: Dialect, orgId: string): Promise<void> {
  if (dialect === 'postgres') await heartbeatsDb(db).selectFrom('heartbeat_ping_keys').select('org_id').where('org_id', '=', orgId).forUpdate().execute();
}
