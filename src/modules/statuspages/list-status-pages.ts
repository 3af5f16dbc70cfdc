import { assertCan, type Ctx } from '../../platform/context.ts';
import type { StatusPage } from './schemas.ts';
import { pagesDb, toStatusPage } from './store.ts';

/** An organization has few pages, so the list is never split. */
export async function listStatusPages({ ctx }: { ctx: Ctx }): Promise<{ data: StatusPage[]; nextCursor: null }> {
  assertCan(ctx, 'read');
  const rows = await pagesDb(ctx.db).selectFrom('status_pages').selectAll().where('org_id', '=', ctx.orgId).orderBy('slug').execute();
  return { data: rows.map(toStatusPage), nextCursor: null };
}
