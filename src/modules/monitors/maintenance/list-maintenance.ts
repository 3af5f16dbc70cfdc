import { assertCan, type Ctx } from '../../../platform/context.ts';
import { keysetPage, keysetQuery } from '../../../platform/db/index.ts';
import { monitorsDb } from '../store.ts';
import type { ListMaintenanceInput, MaintenanceWindow } from './schemas.ts';
import { toWindow } from './store.ts';

/** Oldest first; the cursor is the last id of the page (ids sort by creation time). */
export async function listMaintenanceWindows({ ctx, input }: { ctx: Ctx; input: ListMaintenanceInput }): Promise<{ data: MaintenanceWindow[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const rows = await monitorsDb(ctx.db)
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$call((qb) => keysetQuery(qb, { columns: ['id'], order: 'asc', after: input.cursor === undefined ? null : [input.cursor], limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.id], ([id]) => String(id));
  const now = ctx.clock.now();
  return { data: page.map((r) => toWindow(r, now)), nextCursor };
}
