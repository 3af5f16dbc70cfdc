import { recordAudit } from '../../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import type { MaintenanceWindowsTable } from '../schema.ts';
import { monitorsDb } from '../store.ts';
import type { CreateMaintenanceInput, MaintenanceWindow } from './schemas.ts';
import { assertMonitorsInOrg, normalizeSchedule, toWindow } from './store.ts';

export async function createMaintenanceWindow({ ctx, input }: { ctx: Ctx; input: CreateMaintenanceInput }): Promise<MaintenanceWindow> {
  assertCan(ctx, 'write');
  const now = ctx.clock.now();
  const row: MaintenanceWindowsTable = {
    id: newId(now),
    org_id: ctx.orgId,
    name: input.name,
    selector: JSON.stringify(input.selector),
    schedule: JSON.stringify(normalizeSchedule(input.schedule)),
    active: input.active ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  return inTransaction(ctx, async (tx) => {
    await assertMonitorsInOrg(tx.db, tx.orgId, input.selector);
    await monitorsDb(tx.db).insertInto('maintenance_windows').values(row).execute();
    const window = toWindow(row, now);
    await recordAudit(tx, { action: 'maintenance.create', subject: { type: 'maintenance_window', id: row.id }, data: { after: window } });
    return window;
  });
}
