import type { Executor } from '../../platform/db/index.ts';
import type { MonitorsTable, MonitorTables } from './schema.ts';
import type { Monitor } from './schemas.ts';

export const monitorsDb = (db: Executor) => db.withTables<MonitorTables>();

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toMonitor(row: MonitorsTable): Monitor {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    settings: JSON.parse(row.settings),
    labels: JSON.parse(row.labels),
    interval: row.interval_s,
    timeoutMs: row.timeout_ms,
    retryInterval: row.retry_interval_s,
    confirmDown: row.confirm_down,
    confirmUp: row.confirm_up,
    paused: Boolean(row.paused),
    state: row.state,
    stateSince: iso(row.state_since)!,
    stateReason: row.state_reason ? JSON.parse(row.state_reason) : null,
    lastCheckAt: iso(row.last_check_at),
    lastOutcome: row.last_outcome,
    lastLatencyMs: row.last_latency_ms,
    nextDueAt: iso(row.next_due_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export async function findMonitorRow(db: Executor, orgId: string, id: string): Promise<MonitorsTable | undefined> {
  return monitorsDb(db).selectFrom('monitors').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}
