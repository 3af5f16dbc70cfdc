import { assertCan, type Ctx } from '../../platform/context.ts';
import type { Review } from './schemas.ts';
import { getReviewInOrg, presentReview } from './store.ts';

export async function getReview({ ctx, id }: { ctx: Ctx; id: string }): Promise<Review> {
  assertCan(ctx, 'read');
  return presentReview(ctx, await getReviewInOrg(ctx, id));
}
