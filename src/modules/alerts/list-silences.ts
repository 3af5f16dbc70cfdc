import { assertCan, type Ctx } from '../../platform/context.ts';
import { keysetPage, keysetQuery, type KeyPart } from '../../platform/db/index.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ListSilencesInput, Silence } from './schemas.ts';
import { alertsDb, toSilence } from './store.ts';

const encodeCursor = ([id]: readonly KeyPart[]) => Buffer.from(String(id)).toString('base64url');

/** Newest first; `status` is judged against the clock now. */
export async function listSilences({ ctx, input }: { ctx: Ctx; input: ListSilencesInput }): Promise<{ data: Silence[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const now = ctx.clock.now();
  const after = input.cursor ? [Buffer.from(input.cursor, 'base64url').toString('utf8')] : null;
  if (after !== null && !/^[0-9a-f-]{36}$/.test(after[0])) throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  const rows = await alertsDb(ctx.db)
    .selectFrom('silences')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(input.status === 'expired', (qb) => qb.where('ends_at', '<=', now))
    .$if(input.status === 'active', (qb) => qb.where('starts_at', '<=', now).where('ends_at', '>', now))
    .$if(input.status === 'pending', (qb) => qb.where('starts_at', '>', now).where('ends_at', '>', now))
    .$call((qb) => keysetQuery(qb, { columns: ['id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.id], encodeCursor);
  return { data: page.map((r) => toSilence(r, now)), nextCursor };
}
