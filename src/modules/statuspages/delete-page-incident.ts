import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { getIncidentInPage, getPageInOrg, incidentUpdates, pagesDb, toPageIncident } from './store.ts';

/** Removes a notice posted by mistake, with its updates; the audit event keeps what it said. */
export async function deletePageIncident({ ctx, pageId, id }: { ctx: Ctx; pageId: string; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    const before = await getIncidentInPage(tx, pageId, id);
    const updates = (await incidentUpdates(tx.db, [id])).get(id) ?? [];
    await pagesDb(tx.db).deleteFrom('status_page_incident_updates').where('page_incident_id', '=', id).where('org_id', '=', tx.orgId).execute();
    await pagesDb(tx.db).deleteFrom('status_page_incidents').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'status_page_incident.delete', subject: { type: 'status_page_incident', id }, data: { before: toPageIncident(before, updates) } });
  });
}
