import type { Executor } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { failJob, type Job } from '../../platform/jobs/index.ts';
import { saveDelivery } from './delivery-store.ts';
import type { NotificationDeps } from './deps.ts';
import type { SendNotificationPayload } from './message.ts';
import { FINAL_STATES, type DeliveriesTable, type DeliveryState } from './schema.ts';
import { settleDispatch } from './settle-dispatch.ts';
import { insertReceipt } from './store.ts';

export interface AttemptOutcome {
  delivery: DeliveriesTable;
  payload: SendNotificationPayload;
  job: Job<unknown>;
  channelType: string;
  state: Exclude<DeliveryState, 'pending'>;
  attempt: number;
  statusCode?: number;
  latencyMs: number;
  error?: string;
  nextAttemptAt?: number | null;
}

/**
 * Writes the attempt's receipt, the delivery's state and, for a failed attempt, the job's next due
 * time (or its end) in one transaction, and settles the dispatch when this closed it undelivered.
 * `completeJob` marks the job done in the same transaction (a success); without it the runner
 * completes the job right after, and a crash in between replays it, which then finds the delivery
 * final and does not send again.
 */
export async function recordOutcome(deps: NotificationDeps, o: AttemptOutcome, completeJob?: (tx: Executor) => Promise<boolean>): Promise<void> {
  const { db, clock } = deps.services;
  const now = clock.now();
  const final = FINAL_STATES.has(o.state);
  await db.transaction().execute(async (tx) => {
    await insertReceipt(tx, {
      id: newId(now),
      org_id: o.payload.orgId,
      channel_id: o.payload.channelId,
      channel_type: o.channelType,
      dispatch_id: o.payload.dispatchId,
      delivery_id: o.delivery.id,
      job_id: o.job.id,
      alert_ids: o.delivery.alert_ids,
      group_key: o.payload.message.groupKey,
      message_kind: o.payload.message.kind,
      attempt: o.attempt,
      state: o.state,
      status_code: o.statusCode ?? null,
      latency_ms: o.latencyMs,
      error: o.error?.slice(0, 2000) ?? null,
      idempotency_key: o.delivery.id,
      test: 0,
      fallback: o.delivery.fallback,
      at: now,
      next_attempt_at: o.nextAttemptAt ?? null,
    });
    const moved = await saveDelivery(tx, o.delivery, {
      state: o.state,
      attempts: o.attempt,
      reserved_slot_at: null,
      last_status_code: o.statusCode ?? null,
      last_error: o.error?.slice(0, 2000) ?? null,
      updated_at: now,
      finished_at: final ? now : null,
    });
    if (o.state === 'retrying' || o.state === 'failed') await failJob(tx, o.job, now, o.error ?? o.state, o.state === 'retrying' ? o.nextAttemptAt! : null);
    if (moved && final && o.state !== 'delivered' && !o.delivery.fallback) await settleDispatch(tx, deps, o.payload, now);
    await completeJob?.(tx);
  });
}
