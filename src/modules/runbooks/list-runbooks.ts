import { assertCan, type Ctx } from '../../platform/context.ts';
import { keysetPage, keysetQuery, sql, type KeyPart } from '../../platform/db/index.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ListRunbooksInput, RunbookSummary } from './schemas.ts';
import { runbooksDb, summaryColumns, toRunbookSummary } from './store.ts';

const encodeCursor = ([slug]: readonly KeyPart[]) => Buffer.from(String(slug)).toString('base64url');
function decodeCursor(cursor: string): [string] {
  const slug = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  return [slug];
}

/** By slug, without bodies. */
export async function listRunbooks({ ctx, input }: { ctx: Ctx; input: ListRunbooksInput }): Promise<{ data: RunbookSummary[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const pattern = input.search ? `%${input.search.toLowerCase().replace(/[%_\\]/g, '\\$&')}%` : null;
  const rows = await runbooksDb(ctx.db)
    .selectFrom('runbooks')
    .select(summaryColumns)
    .where('org_id', '=', ctx.orgId)
    .$if(pattern !== null, (qb) => qb.where(sql<boolean>`(lower(slug) like ${pattern} escape '\\' or lower(title) like ${pattern} escape '\\')`))
    .$call((qb) => keysetQuery(qb, { columns: ['slug'], order: 'asc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.slug], encodeCursor);
  return { data: page.map(toRunbookSummary), nextCursor };
}
