import type { Executor } from '../../platform/db/index.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { integrationsDb } from './store.ts';

export const PRUNE_DELIVERIES_JOB = 'integrations.prune';
/** Deliveries kept per integration: the log is for seeing what senders did lately, alerts keep their own history. */
export const DELIVERIES_KEPT = 1_000;
const PRUNE_SLOT_MS = 3_600_000;

/** Books at most one prune an hour per integration, whatever the delivery rate. */
export async function schedulePrune(db: Executor, now: number, orgId: string, integrationId: string): Promise<void> {
  const slot = Math.floor(now / PRUNE_SLOT_MS);
  await enqueueJob(db, now, { kind: PRUNE_DELIVERIES_JOB, orgId, dueAt: now, idempotencyKey: `${PRUNE_DELIVERIES_JOB}:${integrationId}:${slot}`, payload: { integrationId }, maxAttempts: 3 });
}

/** Deletes an integration's deliveries beyond the newest `kept`; answers how many went. */
export async function pruneDeliveries(db: Executor, integrationId: string, kept = DELIVERIES_KEPT): Promise<number> {
  const q = integrationsDb(db);
  const boundary = await q.selectFrom('integration_deliveries').select('id').where('integration_id', '=', integrationId).orderBy('id', 'desc').offset(kept).limit(1).executeTakeFirst();
  if (!boundary) return 0;
  const deleted = await q.deleteFrom('integration_deliveries').where('integration_id', '=', integrationId).where('id', '<=', boundary.id).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
