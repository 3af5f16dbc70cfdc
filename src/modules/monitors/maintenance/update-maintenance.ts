import { recordAudit } from '../../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../../platform/context.ts';
import type { MaintenanceWindowsTable } from '../schema.ts';
import { monitorsDb } from '../store.ts';
import { getWindowInOrg } from './get-maintenance.ts';
import type { MaintenanceWindow, UpdateMaintenanceInput } from './schemas.ts';
import { assertMonitorsInOrg, normalizeSchedule, toWindow } from './store.ts';

export async function updateMaintenanceWindow({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateMaintenanceInput }): Promise<MaintenanceWindow> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await getWindowInOrg(tx, id);
    const now = tx.clock.now();
    const changes: Partial<MaintenanceWindowsTable> = { updated_at: Math.max(now, Number(before.updated_at) + 1) };
    if (input.name !== undefined) changes.name = input.name;
    if (input.selector !== undefined) {
      await assertMonitorsInOrg(tx.db, tx.orgId, input.selector);
      changes.selector = JSON.stringify(input.selector);
    }
    if (input.schedule !== undefined) changes.schedule = JSON.stringify(normalizeSchedule(input.schedule));
    if (input.active !== undefined) changes.active = input.active ? 1 : 0;
    await monitorsDb(tx.db).updateTable('maintenance_windows').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    const after = toWindow({ ...before, ...changes }, now);
    await recordAudit(tx, { action: 'maintenance.update', subject: { type: 'maintenance_window', id }, data: { before: toWindow(before, now), after } });
    return after;
  });
}
