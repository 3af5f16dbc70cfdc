import type { Bus } from '../../platform/bus.ts';
import { sql, type Db, type Executor } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { visibleState } from './evaluate.ts';
import type { HealthState, MonitorsTable, MonitorState } from './schema.ts';
import { monitorsDb } from './store.ts';
import { FLIP_JOB } from './engine/flush.ts';

export const MONITOR_STATE_TOPIC = 'monitor.state';

/** A health report from outside the scheduler (a heartbeat ping or deadline, a push). */
export interface ExternalStateChange {
  orgId: string;
  monitorId: string;
  at: number;
  /** The new health; null records only the observation. */
  health: HealthState | null;
  reason?: Record<string, unknown> | null;
  /** Sets last_check_at / last_outcome / last_latency_ms. */
  observation?: { outcome: 'up' | 'degraded' | 'down'; latencyMs: number | null };
}

export interface ExternalFlip {
  id: string;
  orgId: string;
  monitorId: string;
  at: number;
  from: MonitorState;
  to: MonitorState;
  reason: Record<string, unknown> | null;
}

export interface RecordedExternalState {
  /** Monitors that exist in the organization each change named. */
  found: Set<string>;
  flips: ExternalFlip[];
  /** Publishes `monitor.state` for each state change; call it after the transaction commits. */
  publish(): void;
}

type Row = Pick<MonitorsTable, 'id' | 'org_id' | 'paused' | 'state' | 'state_since' | 'state_reason' | 'health_state' | 'last_check_at' | 'last_outcome' | 'last_latency_ms'>;
const CHUNK = 200;

async function loadRows(db: Executor, ids: string[]): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const page = await monitorsDb(db)
      .selectFrom('monitors')
      .select(['id', 'org_id', 'paused', 'state', 'state_since', 'state_reason', 'health_state', 'last_check_at', 'last_outcome', 'last_latency_ms'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of page) rows.set(r.id, { ...r, state_since: Number(r.state_since), last_check_at: r.last_check_at === null ? null : Number(r.last_check_at) });
  }
  return rows;
}

/** One multi-row UPDATE per chunk; `updated_at` stays untouched (it marks configuration changes). */
async function writeRows(db: Executor, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = sql.join(
      rows.slice(i, i + CHUNK).map((r) => sql`(${r.id}, ${r.state}, ${r.state_since}, ${r.state_reason}, ${r.health_state}, ${r.last_check_at}, ${r.last_outcome}, ${r.last_latency_ms})`),
    );
    await sql`with v(id, state, state_since, state_reason, health_state, last_check_at, last_outcome, last_latency_ms) as (values ${values})
      update monitors set
        state = cast(v.state as text), state_since = cast(v.state_since as bigint), state_reason = cast(v.state_reason as text),
        health_state = cast(v.health_state as text), last_check_at = cast(v.last_check_at as bigint),
        last_outcome = cast(v.last_outcome as text), last_latency_ms = cast(v.last_latency_ms as integer)
      from v where monitors.id = v.id`.execute(db);
  }
}

/** Returns what changed: nothing, only the observation, or the health (and maybe the visible state). */
function apply(row: Row, change: ExternalStateChange, flips: ExternalFlip[]): 'none' | 'observed' | 'health' {
  let dirty: 'none' | 'observed' = 'none';
  if (change.observation && (row.last_check_at === null || change.at >= row.last_check_at)) {
    row.last_check_at = change.at;
    row.last_outcome = change.observation.outcome;
    row.last_latency_ms = change.observation.latencyMs === null ? null : Math.round(change.observation.latencyMs);
    dirty = 'observed';
  }
  if (change.health === null || change.health === row.health_state) return dirty;
  row.health_state = change.health;
  const visible = visibleState(change.health, Boolean(row.paused), row.state === 'maintenance');
  if (visible !== row.state) {
    const reason = change.reason ?? null;
    flips.push({ id: newId(change.at), orgId: row.org_id, monitorId: row.id, at: change.at, from: row.state, to: visible, reason });
    row.state = visible;
    row.state_since = change.at;
    row.state_reason = reason === null ? null : JSON.stringify(reason);
  }
  return 'health';
}

async function record(db: Executor, now: number, changes: ExternalStateChange[]): Promise<{ found: Set<string>; flips: ExternalFlip[]; changed: Row[] }> {
  const rows = await loadRows(db, [...new Set(changes.map((c) => c.monitorId))]);
  const found = new Set<string>();
  const dirty = new Map<string, Row>();
  const changed = new Map<string, Row>();
  const flips: ExternalFlip[] = [];
  for (const change of changes) {
    const row = rows.get(change.monitorId);
    if (!row || row.org_id !== change.orgId) continue;
    found.add(row.id);
    const what = apply(row, change, flips);
    if (what !== 'none') dirty.set(row.id, row);
    if (what === 'health') changed.set(row.id, row);
  }
  await writeRows(db, [...dirty.values()]);
  if (flips.length > 0) {
    await monitorsDb(db)
      .insertInto('monitor_flips')
      .values(flips.map((f) => ({ id: f.id, org_id: f.orgId, monitor_id: f.monitorId, at: f.at, from_state: f.from, to_state: f.to, reason: f.reason === null ? null : JSON.stringify(f.reason) })))
      .execute();
  }
  for (const f of flips) {
    await enqueueJob(db, now, {
      kind: FLIP_JOB,
      orgId: f.orgId,
      dueAt: now,
      idempotencyKey: `flip:${f.id}`,
      payload: { orgId: f.orgId, monitorId: f.monitorId, flipId: f.id, from: f.from, to: f.to, at: f.at, reason: f.reason },
    });
  }
  return { found, flips, changed: [...changed.values()] };
}

/**
 * Applies health reported from outside the scheduler, in order. A visible change (respecting pause
 * and maintenance) writes a `monitor_flips` row and enqueues a durable `monitor.flip` job, exactly
 * as the scheduler does. Runs in the caller's transaction when given one (the caller then calls
 * `publish()` after commit), else in its own, publishing itself.
 */
export async function recordExternalState({ db, bus, now, changes }: { db: Executor; bus: Bus; now: number; changes: ExternalStateChange[] }): Promise<RecordedExternalState> {
  if (changes.length === 0) return { found: new Set(), flips: [], publish: () => undefined };
  const own = !db.isTransaction;
  const result = own ? await (db as Db).transaction().execute((tx) => record(tx, now, changes)) : await record(db, now, changes);
  const publish = () => {
    for (const r of result.changed) {
      const reason = r.state_reason === null ? null : (JSON.parse(r.state_reason) as Record<string, unknown>);
      bus.publish(MONITOR_STATE_TOPIC, { orgId: r.org_id, monitorId: r.id, state: r.state, health: r.health_state, at: r.state_since, since: r.state_since, reason });
    }
  };
  if (own) publish();
  return { found: result.found, flips: result.flips, publish: own ? () => undefined : publish };
}

/** What a module driving a passive monitor reads of it. */
export interface ExternalMonitor {
  id: string;
  orgId: string;
  name: string;
  type: string;
  /** The settings as stored (JSON), validated when written. */
  settingsJson: string;
  paused: boolean;
  state: MonitorState;
  healthState: HealthState;
  lastCheckAt: number | null;
  createdAt: number;
  updatedAt: number;
}

const EXTERNAL_COLUMNS = ['id', 'org_id', 'name', 'type', 'settings', 'paused', 'state', 'health_state', 'last_check_at', 'created_at', 'updated_at'] as const;

function toExternal(r: Pick<MonitorsTable, (typeof EXTERNAL_COLUMNS)[number]>): ExternalMonitor {
  return {
    id: r.id,
    orgId: r.org_id,
    name: r.name,
    type: r.type,
    settingsJson: r.settings,
    paused: Boolean(r.paused),
    state: r.state,
    healthState: r.health_state,
    lastCheckAt: r.last_check_at === null ? null : Number(r.last_check_at),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** The monitors among `ids` (any organization; callers check `orgId`). */
export async function readExternalMonitors(db: Executor, ids: string[]): Promise<Map<string, ExternalMonitor>> {
  const out = new Map<string, ExternalMonitor>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await monitorsDb(db).selectFrom('monitors').select(EXTERNAL_COLUMNS).where('id', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(r.id, toExternal(r));
  }
  return out;
}

/** Monitors of `type` whose configuration changed after the (updatedAt, id) position, oldest first. */
export async function externalMonitorsChangedSince(db: Executor, input: { type: string; since: number; afterId: string; limit: number }): Promise<ExternalMonitor[]> {
  const rows = await monitorsDb(db)
    .selectFrom('monitors')
    .select(EXTERNAL_COLUMNS)
    .where('type', '=', input.type)
    .where((eb) => eb.or([eb('updated_at', '>', input.since), eb.and([eb('updated_at', '=', input.since), eb('id', '>', input.afterId)])]))
    .orderBy('updated_at')
    .orderBy('id')
    .limit(input.limit)
    .execute();
  return rows.map(toExternal);
}
