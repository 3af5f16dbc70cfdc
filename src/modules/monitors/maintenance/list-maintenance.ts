import { assertCan, type Ctx } from '../../../platform/context.ts';
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
    .$if(input.cursor !== undefined, (qb) => qb.where('id', '>', input.cursor!))
    .orderBy('id')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const now = ctx.clock.now();
  return { data: page.map((r) => toWindow(r, now)), nextCursor: rows.length > input.limit ? page[page.length - 1].id : null };
}
