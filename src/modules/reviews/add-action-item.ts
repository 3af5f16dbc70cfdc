import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { assertMember } from './owners.ts';
import type { ReviewActionItemsTable } from './schema.ts';
import type { ActionItem, CreateActionItemInput } from './schemas.ts';
import { getReviewInOrg, reviewsDb, toActionItem } from './store.ts';

export async function addActionItem({ ctx, reviewId, input }: { ctx: Ctx; reviewId: string; input: CreateActionItemInput }): Promise<ActionItem> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    await getReviewInOrg(tx, reviewId);
    await assertMember(tx, input.ownerId);
    const now = tx.clock.now();
    const row: ReviewActionItemsTable = {
      id: newId(now),
      org_id: tx.orgId,
      review_id: reviewId,
      title: input.title,
      owner_id: input.ownerId ?? null,
      due_date: input.dueDate ?? null,
      status: input.status,
      tracker_url: input.trackerUrl ?? null,
      done_at: input.status === 'done' ? now : null,
      created_at: now,
      updated_at: now,
    };
    await reviewsDb(tx.db).insertInto('review_action_items').values(row).execute();
    await recordAudit(tx, { action: 'review.action_item.create', subject: { type: 'review', id: reviewId }, data: { after: toActionItem(row) } });
    return toActionItem(row);
  });
}
