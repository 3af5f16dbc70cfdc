import { sql, type Db, type Executor } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueueJob } from '../../../platform/jobs/index.ts';
import { monitorsDb } from '../store.ts';
import type { Batch, MonitorUpdate } from './batch.ts';

export const FLIP_JOB = 'monitor.flip';
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One multi-row UPDATE per chunk. `updated_at` stays untouched (it marks configuration changes the
 * scheduler syncs from), and a monitor paused meanwhile keeps the state its pause wrote.
 */
async function updateMonitors(db: Executor, updates: MonitorUpdate[]): Promise<void> {
  for (const chunk of chunks(updates)) {
    const values = sql.join(
      chunk.map(
        (u) =>
          sql`(${u.id}, ${u.state}, ${u.stateSince}, ${u.stateReason}, ${u.health}, ${u.failures}, ${u.successes}, ${u.lastCheckAt}, ${u.lastOutcome}, ${u.lastLatencyMs}, ${u.nextDueAt})`,
      ),
    );
    await sql`with v(id, state, state_since, state_reason, health_state, failures, successes, last_check_at, last_outcome, last_latency_ms, next_due_at) as (values ${values})
      update monitors set
        state = cast(v.state as text), state_since = cast(v.state_since as bigint), state_reason = cast(v.state_reason as text),
        health_state = cast(v.health_state as text), consecutive_failures = cast(v.failures as integer), consecutive_successes = cast(v.successes as integer),
        last_check_at = cast(v.last_check_at as bigint), last_outcome = cast(v.last_outcome as text), last_latency_ms = cast(v.last_latency_ms as integer),
        next_due_at = cast(v.next_due_at as bigint)
      from v where monitors.id = v.id and monitors.paused = 0`.execute(db);
  }
}

async function writeAll(db: Executor, batch: Batch, now: number): Promise<void> {
  const q = monitorsDb(db);
  for (const chunk of chunks(batch.results)) {
    await q
      .insertInto('check_results')
      .values(
        chunk.map((r) => ({
          org_id: r.orgId,
          monitor_id: r.monitorId,
          at: r.at,
          outcome: r.outcome,
          latency_ms: r.latencyMs,
          error_code: r.errorCode,
          message: r.message,
          timings: r.timings,
          details: r.details,
        })),
      )
      .execute();
  }
  await updateMonitors(db, [...batch.updates.values()]);
  for (const chunk of chunks(batch.flips)) {
    await q
      .insertInto('monitor_flips')
      .values(chunk.map((f) => ({ id: f.id, org_id: f.orgId, monitor_id: f.monitorId, at: f.at, from_state: f.from, to_state: f.to, reason: JSON.stringify(f.reason) })))
      .execute();
  }
  for (const f of batch.flips) {
    await enqueueJob(db, now, {
      kind: FLIP_JOB,
      orgId: f.orgId,
      dueAt: now,
      idempotencyKey: `flip:${f.id}`,
      payload: { orgId: f.orgId, monitorId: f.monitorId, flipId: f.id, from: f.from, to: f.to, at: f.at, reason: f.reason },
    });
  }
  for (const chunk of chunks(batch.gaps)) {
    await q
      .insertInto('coverage_gaps')
      .values(chunk.map((g) => ({ id: g.id, org_id: g.orgId, monitor_id: g.monitorId, from_at: g.fromAt, to_at: g.toAt, missed_checks: g.missed, cause: g.cause, detail: g.detail })))
      .execute();
  }
  for (const c of batch.certs.values()) {
    await q
      .insertInto('tls_certificates')
      .values({
        id: newId(c.seenAt),
        org_id: c.orgId,
        monitor_id: c.monitorId,
        fingerprint: c.fingerprint,
        subject: c.subject,
        issuer: c.issuer,
        serial: c.serial,
        key_type: c.keyType,
        not_before: c.notBefore,
        not_after: c.notAfter,
        first_seen_at: c.seenAt,
        last_seen_at: c.seenAt,
      })
      .onConflict((oc) => oc.columns(['monitor_id', 'fingerprint']).doUpdateSet((eb) => ({ last_seen_at: eb.ref('excluded.last_seen_at') })))
      .execute();
  }
}

/** Writes one batch in one transaction; `inside` runs last within it (a test hook: throwing rolls back). */
export async function writeBatch(db: Db, batch: Batch, now: number, inside?: (tx: Executor) => Promise<void> | void): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await writeAll(tx, batch, now);
    await inside?.(tx);
  });
}
