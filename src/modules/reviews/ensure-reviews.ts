import { recordAudit } from '../audit/index.ts';
import { listIncidents, type Incident } from '../incidents/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { dueAtFor, scheduleReminder } from './due.ts';
import { openReview } from './open-review.ts';
import type { ReviewsTable } from './schema.ts';
import { findReviewOfIncident, reviewsDb } from './store.ts';

export interface EnsureReviewsSummary {
  opened: number;
  dueSet: number;
  failed: { incidentId: string; error: string }[];
}

/** A draft started before its incident resolved (or before its severity called for a review) gets its due time now. */
async function setDue(ctx: Ctx, review: ReviewsTable, incident: Incident): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const resolvedAt = Date.parse(incident.resolvedAt!);
    const dueAt = await dueAtFor(tx, resolvedAt);
    const won = await reviewsDb(tx.db)
      .updateTable('reviews')
      .set({ required: 1, severity: incident.severity, incident_resolved_at: resolvedAt, due_at: dueAt, updated_at: tx.clock.now() })
      .where('org_id', '=', tx.orgId)
      .where('id', '=', review.id)
      .where('status', '=', 'draft')
      .where('due_at', 'is', null)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) === 0) return false;
    await scheduleReminder(tx, review.id, dueAt, 1);
    await recordAudit(tx, { action: 'review.due_set', subject: { type: 'review', id: review.id }, data: { incidentId: incident.id, severity: incident.severity, dueAt: new Date(dueAt).toISOString() } });
    return true;
  });
}

/**
 * Makes sure every resolved incident that needs a review has one with a due time: opens the
 * missing drafts and dates the undated ones. Each incident is its own transaction, and a failure
 * is reported in the summary rather than stopping the rest.
 */
export async function ensureReviews({ ctx }: { ctx: Ctx }): Promise<EnsureReviewsSummary> {
  const summary: EnsureReviewsSummary = { opened: 0, dueSet: 0, failed: [] };
  let cursor: string | undefined;
  do {
    const page = await listIncidents({ ctx, input: { status: 'resolved', limit: 200, cursor } });
    for (const incident of page.data.filter((i) => i.reviewRequired && !i.reviewDoneAt)) {
      try {
        const review = await findReviewOfIncident(ctx, incident.id);
        if (!review) summary.opened += (await openReview({ ctx, input: { incidentId: incident.id } })).created ? 1 : 0;
        else if (review.due_at === null && review.status === 'draft' && (await setDue(ctx, review, incident))) summary.dueSet++;
      } catch (err) {
        summary.failed.push({ incidentId: incident.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return summary;
}
