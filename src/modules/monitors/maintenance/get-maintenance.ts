import { assertCan, type Ctx } from '../../../platform/context.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import type { MaintenanceWindowsTable } from '../schema.ts';
import type { MaintenanceWindow } from './schemas.ts';
import { findWindowRow, toWindow } from './store.ts';

export async function getWindowInOrg(ctx: Ctx, id: string): Promise<MaintenanceWindowsTable> {
  const row = await findWindowRow(ctx.db, ctx.orgId, id);
  if (!row) throw new NotFoundError('Maintenance window', 'MAINTENANCE_NOT_FOUND');
  return row;
}

export async function getMaintenanceWindow({ ctx, id }: { ctx: Ctx; id: string }): Promise<MaintenanceWindow> {
  assertCan(ctx, 'read');
  return toWindow(await getWindowInOrg(ctx, id), ctx.clock.now());
}
