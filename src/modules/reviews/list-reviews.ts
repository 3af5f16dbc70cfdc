import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ListReviewsInput, Review } from './schemas.ts';
import { actionItemsOf, reviewsDb, toReview } from './store.ts';

const encode = (at: number, id: string) => Buffer.from(`${at}:${id}`).toString('base64url');
function decode(cursor: string): { at: number; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (!id || !/^\d+$/.test(at)) throw new ValidationError([{ path: 'cursor', message: 'not a cursor from a previous page' }]);
  return { at: Number(at), id };
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
    .$if(after !== null, (qb) => qb.where((eb) => eb.or([eb('created_at', '<', after!.at), eb.and([eb('created_at', '=', after!.at), eb('id', '<', after!.id)])])))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const items = await actionItemsOf(ctx, page.map((r) => r.id));
  const last = rows.length > input.limit ? page[page.length - 1] : null;
  return { data: page.map((r) => toReview(r, items.get(r.id) ?? [], now)), nextCursor: last ? encode(Number(last.created_at), last.id) : null };
}
