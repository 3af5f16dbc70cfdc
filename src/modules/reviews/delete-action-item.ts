import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { getActionItemInReview, getReviewInOrg, reviewsDb, toActionItem } from './store.ts';

/** Only while the review is a draft: a filed review's action items are the record (mark them done instead). */
export async function deleteActionItem({ ctx, reviewId, id }: { ctx: Ctx; reviewId: string; id: string }): Promise<void> {
  assertCan(ctx, 'respond');
  await inTransaction(ctx, async (tx) => {
    const review = await getReviewInOrg(tx, reviewId);
    const before = await getActionItemInReview(tx, reviewId, id);
    if (review.status === 'filed') throw new ConflictError('The review is filed; mark the action item done instead', 'REVIEW_FILED');
    await reviewsDb(tx.db).deleteFrom('review_action_items').where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'review.action_item.delete', subject: { type: 'review', id: reviewId }, data: { before: toActionItem(before) } });
  });
}
