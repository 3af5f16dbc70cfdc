import type { Executor } from '../../platform/db/index.ts';
import { fieldIssues } from '../../platform/errors.ts';
import { PermanentJobError, RetryLaterError, type Job } from '../../platform/jobs/index.ts';
import { attemptSend, prepareChannel } from './attempt.ts';
import { findDelivery, reserveSendSlot, saveDelivery } from './delivery-store.ts';
import { retryDelay, type NotificationDeps } from './deps.ts';
import { SendNotificationPayload } from './message.ts';
import { recordOutcome } from './record-outcome.ts';
import { renderNotification } from './render.ts';
import { FINAL_STATES, type DeliveriesTable } from './schema.ts';
import { findChannelRow, redactFieldsOf } from './store.ts';

/**
 * Holds the channel's rate limit: the first run reserves a send slot and, when it lies ahead,
 * defers the job to it (no sleeping in a worker); the run at the slot then sends.
 */
async function awaitSendSlot(deps: NotificationDeps, delivery: DeliveriesTable, intervalMs: number): Promise<void> {
  const { db, dialect, clock } = deps.services;
  const now = clock.now();
  const reserved = delivery.reserved_slot_at === null ? null : Number(delivery.reserved_slot_at);
  if (reserved !== null) {
    if (reserved > now) throw new RetryLaterError('rate limited: waiting for the reserved send slot', reserved);
    return;
  }
  const slot = await db.transaction().execute(async (tx) => {
    const at = await reserveSendSlot(tx, dialect, delivery.channel_id, now, intervalMs);
    if (at > now) await saveDelivery(tx, delivery, { reserved_slot_at: at, updated_at: now });
    return at;
  });
  if (slot > now) throw new RetryLaterError(`rate limited: next send slot in ${slot - now} ms`, slot);
}

/**
 * The `notification.send` job: one attempt to deliver one message through one channel, with a
 * receipt for every attempt. Retryable failures come back at a backoff with jitter (or the
 * receiver's Retry-After); permanent ones, and the last attempt, fail the delivery for good.
 */
export async function deliverNotification({ deps, job, signal, complete }: { deps: NotificationDeps; job: Job<unknown>; signal?: AbortSignal; complete?: (tx: Executor) => Promise<boolean> }): Promise<void> {
  const parsed = SendNotificationPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`invalid notification.send payload at ${fieldIssues(parsed.error.issues).map((i) => i.path || '(root)').join(', ')}`);
  const p = parsed.data;
  const { db, clock } = deps.services;
  const now = clock.now();
  const id = job.idempotencyKey ?? `job:${job.id}`;
  // The row is written with the first outcome (or slot reservation), in that transaction.
  const delivery = (await findDelivery(db, id)) ?? {
    id,
    org_id: p.orgId,
    dispatch_id: p.dispatchId,
    channel_id: p.channelId,
    job_id: job.id,
    group_key: p.message.groupKey,
    alert_ids: JSON.stringify(p.message.alerts.map((a) => a.id)),
    fallback: p.fallback ? 1 : 0,
    state: 'pending',
    attempts: 0,
    reserved_slot_at: null,
    last_status_code: null,
    last_error: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  if (FINAL_STATES.has(delivery.state)) return;

  const channel = await findChannelRow(db, p.orgId, p.channelId);
  const prepared = prepareChannel(channel, deps);
  const attempt = delivery.attempts + 1;
  const base = { delivery, payload: p, job, channelType: channel?.type ?? 'unknown', attempt };
  if (!prepared.ok) {
    await recordOutcome(deps, { ...base, state: prepared.state, latencyMs: 0, error: prepared.error });
    if (prepared.state === 'failed') throw new PermanentJobError(prepared.error);
    return;
  }
  // On the runner's last try a deferral would fail the job unsent; sending late beats not sending.
  const lastChance = job.attempts >= job.maxAttempts;
  if (prepared.type.minIntervalMs && !lastChance) await awaitSendSlot(deps, delivery, prepared.type.minIntervalMs);

  const rendered = renderNotification(p.message, prepared.type, channel!.template ? JSON.parse(channel!.template) : null, await redactFieldsOf(db, p.orgId));
  const { result, latencyMs } = await attemptSend({ deps, channel: channel!, prepared, rendered, idempotencyKey: delivery.id, signal });
  const state = result.ok ? 'delivered' : result.permanent || attempt >= deps.options.maxAttempts || lastChance ? 'failed' : 'retrying';
  const nextAttemptAt = state === 'retrying' ? clock.now() + retryDelay(deps.options, attempt, result.retryAfterMs) : null;
  await recordOutcome(deps, { ...base, state, statusCode: result.statusCode, latencyMs, error: result.error, nextAttemptAt }, state === 'delivered' ? complete : undefined);
  if (state === 'retrying') throw new RetryLaterError(result.error ?? 'delivery failed', nextAttemptAt!);
  if (state === 'failed') throw new PermanentJobError(result.error ?? 'delivery failed');
}
