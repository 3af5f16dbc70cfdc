import { assertCan, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { MonitorsTable } from './schema.ts';
import type { Monitor } from './schemas.ts';
import { findMonitorRow, toMonitor } from './store.ts';

export async function getMonitorInOrg(ctx: Ctx, id: string): Promise<MonitorsTable> {
  const row = await findMonitorRow(ctx.db, ctx.orgId, id);
  if (!row) throw new NotFoundError('Monitor', 'MONITOR_NOT_FOUND');
  return row;
}

export async function getMonitor({ ctx, id }: { ctx: Ctx; id: string }): Promise<Monitor> {
  assertCan(ctx, 'read');
  return toMonitor(await getMonitorInOrg(ctx, id));
}
