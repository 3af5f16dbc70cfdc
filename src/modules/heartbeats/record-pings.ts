import { randomUUID } from 'node:crypto';
import type { Bus } from '../../platform/bus.ts';
import type { Db, Dialect, Executor } from '../../platform/db/index.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { readExternalMonitors, recordExternalState, type ExternalMonitor, type ExternalStateChange } from '../monitors/index.ts';
import { reconfigured } from './heartbeat-row.ts';
import { classifyPing, readPingBody } from './ping-body.ts';
import { heartbeatConfig } from './schedule.ts';
import type { HeartbeatPingsTable, HeartbeatsTable, PingKind, PingSource } from './schema.ts';
import { deleteHeartbeats, insertPings, lockHeartbeats, trackOf, withTrack, writeHeartbeatConfig, writeHeartbeats } from './store.ts';
import { applyPing, nextDeadline } from './transition.ts';

export const PRUNE_JOB = 'heartbeats.prune';
/** Pings kept per heartbeat; a prune job runs each time another PRUNE_EVERY arrived beyond it. */
export const PINGS_KEPT = 1_000;
const PRUNE_EVERY = 200;
/**
 * A ping that changes no health refreshes the monitor's last check time at most this often; the
 * heartbeat keeps the exact last ping. Keeps a flood of pings to one row per heartbeat and batch.
 */
const OBSERVE_EVERY_MS = 10_000;

/**
 * A UUIDv7 (time first, so ids sort like `newId`'s) drawn from `randomUUID`, whose buffered entropy
 * costs far less per id than a `randomBytes` call on the ping path.
 */
export function pingRowId(at: number): string {
  const random = randomUUID();
  const time = at.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

export interface PingRequest {
  /** The uuid of `/ping/<uuid>`, an Uptime Kuma push token, or the monitor a slug resolved to. */
  target: { pingId: string } | { pushToken: string } | { monitorId: string };
  kind: 'success' | 'fail' | 'start' | 'log';
  /** A plain ping, which keyword filters may reclassify. */
  filterable: boolean;
  exitStatus: number | null;
  rid: string | null;
  body: Buffer | null;
  /** A latency the sender measured (Uptime Kuma's `ping`). */
  latencyMs: number | null;
  at: number;
  source: PingSource;
  method: string;
  remoteAddr: string | null;
  userAgent: string | null;
}

export type PingResult = { found: true; bodyLimit: number; kind: PingKind; monitorId: string } | { found: false };

/**
 * A ping only ever moves the stored deadline earlier: a later one waits for the sweep, which finds
 * nothing due at the stale time and stores the true one. Frequent pings then cost no index write.
 */
function earlierDeadline(stored: number | null, computed: number | null): number | null {
  if (stored === null) return computed;
  return computed !== null && computed < stored ? computed : stored;
}

export interface RecordPingsDeps {
  db: Db;
  dialect: Dialect;
  bus: Bus;
  now: number;
}

function usable(row: HeartbeatsTable, monitor: ExternalMonitor | undefined): monitor is ExternalMonitor {
  return monitor !== undefined && monitor.type === 'heartbeat' && monitor.orgId === row.org_id;
}

/** One batch in the making: the rows it read and what it will write. */
interface Batch {
  now: number;
  monitors: Map<string, ExternalMonitor>;
  working: Map<string, HeartbeatsTable>;
  before: Map<string, { pingCount: number; deadline: number | null }>;
  observedAt: Map<string, number | null>;
  dirty: Set<string>;
  reconfigured: HeartbeatsTable[];
  gone: string[];
  stored: HeartbeatPingsTable[];
  changes: ExternalStateChange[];
  targetOf(target: PingRequest['target']): string | undefined;
}

async function loadBatch(tx: Executor, deps: RecordPingsDeps, pings: PingRequest[]): Promise<Batch> {
  const keys = { pingIds: [] as string[], pushTokens: [] as string[], monitorIds: [] as string[] };
  for (const { target } of pings) {
    if ('pingId' in target) keys.pingIds.push(target.pingId);
    else if ('pushToken' in target) keys.pushTokens.push(target.pushToken);
    else keys.monitorIds.push(target.monitorId);
  }
  const rows = await lockHeartbeats(tx, deps.dialect, keys);
  const monitors = await readExternalMonitors(tx, rows.map((r) => r.monitor_id));
  const byPing = new Map(rows.map((r) => [r.ping_id, r.monitor_id]));
  const byToken = new Map<string, string>();
  // A token set on two monitors stays with the one that had it first.
  for (const r of rows.toSorted((x, y) => x.created_at - y.created_at || x.monitor_id.localeCompare(y.monitor_id))) {
    if (!byToken.has(r.push_token)) byToken.set(r.push_token, r.monitor_id);
  }
  const batch: Batch = {
    now: deps.now,
    monitors,
    working: new Map(),
    before: new Map(),
    observedAt: new Map(),
    dirty: new Set(),
    reconfigured: [],
    gone: [],
    stored: [],
    changes: [],
    targetOf: (t) => ('pingId' in t ? byPing.get(t.pingId) : 'pushToken' in t ? byToken.get(t.pushToken) : t.monitorId),
  };
  for (const row of rows) {
    const monitor = monitors.get(row.monitor_id);
    if (!usable(row, monitor)) {
      batch.gone.push(row.monitor_id);
      continue;
    }
    batch.before.set(row.monitor_id, { pingCount: row.ping_count, deadline: row.next_deadline });
    batch.observedAt.set(row.monitor_id, monitor.lastCheckAt);
    const current = row.config_at === monitor.updatedAt ? row : reconfigured(row, monitor, deps.now);
    if (current !== row) {
      batch.reconfigured.push(current);
      batch.dirty.add(row.monitor_id);
    }
    batch.working.set(row.monitor_id, current);
  }
  return batch;
}

function applyOne(batch: Batch, ping: PingRequest): PingResult {
  const monitorId = batch.targetOf(ping.target);
  const row = monitorId === undefined ? undefined : batch.working.get(monitorId);
  if (!row) return { found: false };
  const config = heartbeatConfig(batch.monitors.get(row.monitor_id)!.settingsJson);
  const body = readPingBody(ping.body, config.bodyLimit);
  const kind = ping.filterable ? classifyPing(body.raw, config.filters) : ping.kind;
  const applied = applyPing(trackOf(row), { kind, at: ping.at, rid: ping.rid, exitStatus: ping.exitStatus }, config);
  const next = withTrack(row, applied.track);
  next.suspended = 0;
  next.next_deadline = earlierDeadline(row.next_deadline, nextDeadline(applied.track, config));
  next.ping_count = row.ping_count + 1;
  next.updated_at = batch.now;
  batch.working.set(row.monitor_id, next);
  batch.dirty.add(row.monitor_id);
  batch.stored.push({
    id: pingRowId(ping.at),
    org_id: row.org_id,
    monitor_id: row.monitor_id,
    at: ping.at,
    kind,
    exit_status: ping.exitStatus,
    rid: ping.rid,
    duration_ms: applied.durationMs,
    body: body.text,
    body_bytes: body.bytes,
    source: ping.source,
    method: ping.method,
    remote_addr: ping.remoteAddr,
    user_agent: ping.userAgent,
  });
  const finished = kind === 'success' || kind === 'fail';
  const lastObserved = batch.observedAt.get(row.monitor_id) ?? null;
  const observe = finished && (applied.change !== null || lastObserved === null || ping.at - lastObserved >= OBSERVE_EVERY_MS);
  if (observe) batch.observedAt.set(row.monitor_id, ping.at);
  if (observe || applied.change) {
    batch.changes.push({
      orgId: row.org_id,
      monitorId: row.monitor_id,
      at: ping.at,
      health: applied.change?.health ?? null,
      reason: applied.change?.reason ?? null,
      observation: observe ? { outcome: kind === 'success' ? 'up' : 'down', latencyMs: applied.durationMs ?? ping.latencyMs } : undefined,
    });
  }
  return { found: true, bodyLimit: config.bodyLimit, kind, monitorId: row.monitor_id };
}

async function writeBatch(tx: Executor, deps: RecordPingsDeps, batch: Batch): Promise<() => void> {
  await insertPings(tx, deps.dialect, batch.stored);
  await writeHeartbeatConfig(tx, batch.reconfigured);
  const written = [...batch.dirty].map((id) => batch.working.get(id)!);
  await writeHeartbeats(tx, deps.dialect, written, new Set(written.filter((r) => r.next_deadline === batch.before.get(r.monitor_id)!.deadline).map((r) => r.monitor_id)));
  await deleteHeartbeats(tx, batch.gone);
  for (const row of written) {
    const step = Math.floor(row.ping_count / PRUNE_EVERY);
    if (row.ping_count > PINGS_KEPT && step > Math.floor(batch.before.get(row.monitor_id)!.pingCount / PRUNE_EVERY)) {
      await enqueueJob(tx, batch.now, { kind: PRUNE_JOB, orgId: row.org_id, dueAt: batch.now, idempotencyKey: `${PRUNE_JOB}:${row.monitor_id}:${step}`, payload: { monitorId: row.monitor_id } });
    }
  }
  return (await recordExternalState({ db: tx, bus: deps.bus, now: batch.now, changes: batch.changes })).publish;
}

/**
 * Stores a batch of pings in one transaction and applies them in arrival order: the ping rows, the
 * heartbeat states and deadlines, and the monitors' health (flips and `monitor.flip` jobs).
 * Nothing is answered before this commits.
 */
export async function recordPings(deps: RecordPingsDeps, pings: PingRequest[]): Promise<PingResult[]> {
  if (pings.length === 0) return [];
  const { results, publish } = await deps.db.transaction().execute(async (tx) => {
    const batch = await loadBatch(tx, deps, pings);
    const answers = pings.map((ping) => applyOne(batch, ping));
    return { results: answers, publish: await writeBatch(tx, deps, batch) };
  });
  publish();
  return results;
}
