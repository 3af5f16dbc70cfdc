import { assertCan, type Ctx } from '../../platform/context.ts';
import type { Maintenance } from './schemas.ts';
import { getPageInOrg, pagesDb, toMaintenance } from './store.ts';

/** Latest start first, at most the 500 most recent notices. */
export async function listMaintenance({ ctx, pageId }: { ctx: Ctx; pageId: string }): Promise<{ data: Maintenance[]; nextCursor: null }> {
  assertCan(ctx, 'read');
  await getPageInOrg(ctx, pageId);
  const rows = await pagesDb(ctx.db)
    .selectFrom('status_page_maintenances')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('page_id', '=', pageId)
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return { data: rows.map(toMaintenance), nextCursor: null };
}
