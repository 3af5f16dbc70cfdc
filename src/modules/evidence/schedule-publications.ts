import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { evidenceDb } from './store.ts';

export const PUBLISH_JOB = 'evidence.publish';

export interface PublishJobPayload {
  orgId: string;
  publicationId: string;
}

export async function enqueuePublishAttempt(ctx: Ctx, publicationId: string, attempt: number, dueAt: number): Promise<void> {
  await enqueueJob(ctx.db, ctx.clock.now(), {
    kind: PUBLISH_JOB,
    orgId: ctx.orgId,
    dueAt,
    idempotencyKey: `${PUBLISH_JOB}:${publicationId}:${attempt}`,
    payload: { orgId: ctx.orgId, publicationId } satisfies PublishJobPayload,
    maxAttempts: 1,
  });
}

/** One publication per enabled witness for the hour's checkpoint, each attempted by its own durable job. */
export async function schedulePublications({ ctx, slot }: { ctx: Ctx; slot: number }): Promise<number> {
  const q = evidenceDb(ctx.db);
  const checkpoint = await q.selectFrom('audit_checkpoints').select('id').where('org_id', '=', ctx.orgId).where('slot', '=', slot).executeTakeFirst();
  if (!checkpoint) return 0;
  const witnesses = await q.selectFrom('evidence_witnesses').select('id').where('org_id', '=', ctx.orgId).where('enabled', '=', 1).execute();
  let scheduled = 0;
  for (const w of witnesses) {
    const now = ctx.clock.now();
    const id = newId(now);
    const inserted = await q
      .insertInto('evidence_publications')
      .values({ id, org_id: ctx.orgId, checkpoint_id: checkpoint.id, witness_id: w.id, status: 'pending', attempts: 0, last_error: null, receipt: null, published_at: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['checkpoint_id', 'witness_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
    await enqueuePublishAttempt(ctx, id, 1, now);
    scheduled++;
  }
  return scheduled;
}
