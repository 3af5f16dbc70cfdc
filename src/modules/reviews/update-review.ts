import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { ReviewsTable } from './schema.ts';
import type { Review, UpdateReviewInput } from './schemas.ts';
import { getReviewInOrg, presentReview, reviewsDb } from './store.ts';

/** Edits a draft's sections; a filed review's text is final (its action items stay editable). */
export async function updateReview({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateReviewInput }): Promise<Review> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const before = await getReviewInOrg(tx, id);
    const changes: Partial<ReviewsTable> = {};
    if (input.summary !== undefined) changes.summary = input.summary;
    if (input.impact !== undefined) changes.impact = input.impact;
    if (input.timeline !== undefined) changes.timeline = JSON.stringify(input.timeline);
    if (input.contributingFactors !== undefined) changes.contributing_factors = input.contributingFactors;
    const changed = Object.keys(changes).filter((k) => changes[k as keyof ReviewsTable] !== before[k as keyof ReviewsTable]);
    if (changed.length === 0) return presentReview(tx, before);
    const now = tx.clock.now();
    const won = await reviewsDb(tx.db)
      .updateTable('reviews')
      .set({ ...changes, updated_at: now })
      .where('org_id', '=', tx.orgId)
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    if (!won) throw new ConflictError('The review is filed; its text can no longer change', 'REVIEW_FILED');
    await recordAudit(tx, { action: 'review.update', subject: { type: 'review', id }, data: { incidentId: before.incident_id, changed, after: Object.fromEntries(changed.map((k) => [k, won[k as keyof ReviewsTable]])) } });
    return presentReview(tx, won);
  });
}
