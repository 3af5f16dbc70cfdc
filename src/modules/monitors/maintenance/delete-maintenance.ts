import { recordAudit } from '../../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../../platform/context.ts';
import { monitorsDb } from '../store.ts';
import { getWindowInOrg } from './get-maintenance.ts';
import { toWindow } from './store.ts';

/** Deletes the window; the flips it caused and the audit trail keep the record of it. */
export async function deleteMaintenanceWindow({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await getWindowInOrg(tx, id);
    await monitorsDb(tx.db).deleteFrom('maintenance_windows').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'maintenance.delete', subject: { type: 'maintenance_window', id }, data: { before: toWindow(before, tx.clock.now()) } });
  });
}
