import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { getMaintenanceInPage, getPageInOrg, pagesDb, toMaintenance } from './store.ts';

export async function deleteMaintenance({ ctx, pageId, id }: { ctx: Ctx; pageId: string; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    const before = await getMaintenanceInPage(tx, pageId, id);
    await pagesDb(tx.db).deleteFrom('status_page_maintenances').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'status_page_maintenance.delete', subject: { type: 'status_page_maintenance', id }, data: { before: toMaintenance(before) } });
  });
}
