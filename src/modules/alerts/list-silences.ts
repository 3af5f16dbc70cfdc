import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ListSilencesInput, Silence } from './schemas.ts';
import { alertsDb, toSilence } from './store.ts';

/** Newest first; `status` is judged against the clock now. */
export async function listSilences({ ctx, input }: { ctx: Ctx; input: ListSilencesInput }): Promise<{ data: Silence[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const now = ctx.clock.now();
  const after = input.cursor ? Buffer.from(input.cursor, 'base64url').toString('utf8') : null;
  if (after !== null && !/^[0-9a-f-]{36}$/.test(after)) throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  const rows = await alertsDb(ctx.db)
    .selectFrom('silences')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(input.status === 'expired', (qb) => qb.where('ends_at', '<=', now))
    .$if(input.status === 'active', (qb) => qb.where('starts_at', '<=', now).where('ends_at', '>', now))
    .$if(input.status === 'pending', (qb) => qb.where('starts_at', '>', now).where('ends_at', '>', now))
    .$if(after !== null, (qb) => qb.where('id', '<', after!))
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  return { data: page.map((r) => toSilence(r, now)), nextCursor: rows.length > input.limit ? Buffer.from(page[page.length - 1].id).toString('base64url') : null };
}
