import { assertCan, type Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import type { ListPageIncidentsInput, PageIncident } from './schemas.ts';
import { getPageInOrg, incidentUpdates, pagesDb, toPageIncident } from './store.ts';

/** Newest first, with their updates. */
export async function listPageIncidents({ ctx, pageId, input }: { ctx: Ctx; pageId: string; input: ListPageIncidentsInput }): Promise<{ data: PageIncident[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getPageInOrg(ctx, pageId);
  const after = input.cursor ? decodeCursor<[number, string]>(input.cursor, ['number', 'string']) : null;
  const rows = await pagesDb(ctx.db)
    .selectFrom('status_page_incidents')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('page_id', '=', pageId)
    .$call((qb) => keysetQuery(qb, { columns: ['started_at', 'id'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r.started_at), r.id]);
  const updates = await incidentUpdates(ctx.db, page.map((r) => r.id));
  return {
    data: page.map((r) => toPageIncident(r, updates.get(r.id) ?? [])),
    nextCursor,
  };
}
