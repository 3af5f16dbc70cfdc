import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { getPageInOrg, pagesDb, toStatusPage } from './store.ts';

/** Deletes the page with its components, incidents, updates and maintenance notices. */
export async function deleteStatusPage({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await getPageInOrg(tx, id);
    const q = pagesDb(tx.db);
    const incidents = q.selectFrom('status_page_incidents').select('id').where('page_id', '=', id).where('org_id', '=', tx.orgId);
    await q.deleteFrom('status_page_incident_updates').where('page_incident_id', 'in', incidents).execute();
    await q.deleteFrom('status_page_incidents').where('page_id', '=', id).where('org_id', '=', tx.orgId).execute();
    await q.deleteFrom('status_page_maintenances').where('page_id', '=', id).where('org_id', '=', tx.orgId).execute();
    await q.deleteFrom('status_page_components').where('page_id', '=', id).where('org_id', '=', tx.orgId).execute();
    await q.deleteFrom('status_pages').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'status_page.delete', subject: { type: 'status_page', id }, data: { before: toStatusPage(before) } });
  });
}
