import { newId } from '../src/platform/ids.ts';
import type { Executor } from '../src/platform/db/index.ts';
import type { CheckResultsTable, MonitorsTable, MonitorState, MonitorTables } from '../src/modules/monitors/schema.ts';

/** History rows written the way the engine writes them, straight through the monitors module's tables. */
const tables = (db: Executor) => db.withTables<MonitorTables>();

export function monitorRow(orgId: string, createdAt: number, options: { id?: string; intervalS?: number; state?: MonitorState; name?: string } = {}): MonitorsTable {
  const state = options.state ?? 'up';
  return {
    id: options.id ?? newId(createdAt),
    org_id: orgId,
    name: options.name ?? `m-${Math.random().toString(36).slice(2, 10)}`,
    type: 'tcp',
    settings: JSON.stringify({ host: '127.0.0.1', port: 9 }),
    secrets: null,
    labels: '{}',
    interval_s: options.intervalS ?? 60,
    timeout_ms: 10_000,
    retry_interval_s: 20,
    confirm_down: 2,
    confirm_up: 1,
    paused: state === 'paused' ? 1 : 0,
    state,
    state_since: createdAt,
    state_reason: null,
    health_state: state === 'paused' || state === 'maintenance' ? 'up' : state,
    consecutive_failures: 0,
    consecutive_successes: 0,
    last_check_at: null,
    last_outcome: null,
    last_latency_ms: null,
    next_due_at: null,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

async function insertChunked<T extends keyof MonitorTables>(db: Executor, table: T, rows: MonitorTables[T][], chunk = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await tables(db)
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

export const insertMonitors = (db: Executor, rows: MonitorsTable[]) => insertChunked(db, 'monitors', rows);

export interface FlipSpec {
  at: number;
  from: MonitorState;
  to: MonitorState;
  reason?: unknown;
}

export const insertFlips = (db: Executor, orgId: string, monitorId: string, flips: FlipSpec[]) =>
  insertChunked(
    db,
    'monitor_flips',
    flips.map((f) => ({ id: newId(f.at), org_id: orgId, monitor_id: monitorId, at: f.at, from_state: f.from, to_state: f.to, reason: f.reason === undefined ? null : JSON.stringify(f.reason) })),
  );

export const insertResults = (db: Executor, rows: CheckResultsTable[]) => insertChunked(db, 'check_results', rows);

export function result(orgId: string, monitorId: string, at: number, outcome: CheckResultsTable['outcome'], latency: number, extra: Partial<CheckResultsTable> = {}): CheckResultsTable {
  return { org_id: orgId, monitor_id: monitorId, at, outcome, latency_ms: latency, error_code: outcome === 'down' ? 'CONNECTION_REFUSED' : null, message: null, timings: null, details: null, ...extra };
}

export async function insertGap(db: Executor, orgId: string, monitorId: string, from: number, to: number, missed: number, cause: 'process_down' | 'overload' | 'internal_error' = 'process_down'): Promise<string> {
  const id = newId(from);
  await tables(db).insertInto('coverage_gaps').values({ id, org_id: orgId, monitor_id: monitorId, from_at: from, to_at: to, missed_checks: missed, cause, detail: 'custos was not running' }).execute();
  return id;
}

export async function insertCertificate(db: Executor, orgId: string, monitorId: string, fingerprint: string, firstSeen: number, lastSeen: number, notAfter: number): Promise<string> {
  const id = newId(firstSeen);
  await tables(db)
    .insertInto('tls_certificates')
    .values({ id, org_id: orgId, monitor_id: monitorId, fingerprint, subject: 'CN=example.com', issuer: "CN=Let's Encrypt R11", serial: fingerprint.slice(0, 8), key_type: 'EC P-256', not_before: firstSeen - 86_400_000, not_after: notAfter, first_seen_at: firstSeen, last_seen_at: lastSeen })
    .execute();
  return id;
}

export const countRows = async (db: Executor, table: keyof MonitorTables, monitorId: string) =>
  Number(
    (
      await tables(db)
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('monitor_id' as never, '=', monitorId as never)
        .executeTakeFirstOrThrow()
    ).n,
  );
