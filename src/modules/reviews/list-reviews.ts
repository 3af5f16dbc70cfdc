import { assertCan, type Ctx } from '../../platform/context.ts';
import { keysetPage, keysetQuery, type KeyPart } from '../../platform/db/index.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ListReviewsInput, Review } from './schemas.ts';
import { actionItemsOf, reviewsDb, toReview } from './store.ts';

const encode = (key: readonly KeyPart[]) => Buffer.from(key.join(':')).toString('base64url');
function decode(cursor: string): [number, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (!id || !/^\d+$/.test(at)) throw new ValidationError([{ path: 'cursor', message: 'not a cursor from a previous page' }]);
  return [Number(at), id];
}

/** Newest first; `status=overdue` lists the drafts past their due time. */
export async function listReviews({ ctx, input }: { ctx: Ctx; input: ListReviewsInput }): Promise<{ data: Review[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const now = ctx.clock.now();
  const after = input.cursor ? decode(input.cursor) : null;
  const rows = await reviewsDb(ctx.db)
    .selectFrom('reviews')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(input.status === 'overdue', (qb) => qb.where('status', '=', 'draft').where('due_at', '<=', now))
    .$if(input.status === 'draft' || input.status === 'filed', (qb) => qb.where('status', '=', input.status as 'draft' | 'filed'))
    .$if(input.incidentId !== undefined, (qb) => qb.where('incident_id', '=', input.incidentId!))
    .$call((qb) => keysetQuery(qb, { columns: ['created_at', 'id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r.created_at), r.id], encode);
  const items = await actionItemsOf(ctx, page.map((r) => r.id));
  return { data: page.map((r) => toReview(r, items.get(r.id) ?? [], now)), nextCursor };
}
