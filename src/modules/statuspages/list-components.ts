import { assertCan, type Ctx } from '../../platform/context.ts';
import type { Component } from './schemas.ts';
import { getPageInOrg, pagesDb, toComponent } from './store.ts';

/** In display order; a page holds at most a few hundred, so the list is never split. */
export async function listComponents({ ctx, pageId }: { ctx: Ctx; pageId: string }): Promise<{ data: Component[]; nextCursor: null }> {
  assertCan(ctx, 'read');
  await getPageInOrg(ctx, pageId);
  const rows = await pagesDb(ctx.db)
    .selectFrom('status_page_components')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('page_id', '=', pageId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return { data: rows.map(toComponent), nextCursor: null };
}
