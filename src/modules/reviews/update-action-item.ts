import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { assertMember } from './owners.ts';
import type { ReviewActionItemsTable } from './schema.ts';
import type { ActionItem, UpdateActionItemInput } from './schemas.ts';
import { getActionItemInReview, reviewsDb, toActionItem } from './store.ts';

/** Action items stay editable after the review is filed: they are tracked to done. */
export async function updateActionItem({ ctx, reviewId, id, input }: { ctx: Ctx; reviewId: string; id: string; input: UpdateActionItemInput }): Promise<ActionItem> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const before = await getActionItemInReview(tx, reviewId, id);
    await assertMember(tx, input.ownerId);
    const now = tx.clock.now();
    const changes: Partial<ReviewActionItemsTable> = { updated_at: now };
    if (input.title !== undefined) changes.title = input.title;
    if (input.ownerId !== undefined) changes.owner_id = input.ownerId;
    if (input.dueDate !== undefined) changes.due_date = input.dueDate;
    if (input.trackerUrl !== undefined) changes.tracker_url = input.trackerUrl;
    if (input.status !== undefined && input.status !== before.status) {
      changes.status = input.status;
      changes.done_at = input.status === 'done' ? now : null;
    }
    await reviewsDb(tx.db).updateTable('review_action_items').set(changes).where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    const after = { ...before, ...changes };
    await recordAudit(tx, { action: 'review.action_item.update', subject: { type: 'review', id: reviewId }, data: { before: toActionItem(before), after: toActionItem(after) } });
    return toActionItem(after);
  });
}
