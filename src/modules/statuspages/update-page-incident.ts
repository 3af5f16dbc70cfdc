import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { StatusPageIncidentsTable } from './schema.ts';
import type { PageIncident, UpdatePageIncidentInput } from './schemas.ts';
import { assertComponentsOnPage, getIncidentInPage, getPageInOrg, incidentUpdates, pagesDb, toPageIncident } from './store.ts';

/** Changes the notice itself (title, impact, components, link); progress is told by posting updates. */
export async function updatePageIncident({ ctx, pageId, id, input }: { ctx: Ctx; pageId: string; id: string; input: UpdatePageIncidentInput }): Promise<PageIncident> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    const before = await getIncidentInPage(tx, pageId, id);
    const changes: Partial<StatusPageIncidentsTable> = { updated_at: tx.clock.now() };
    if (input.title !== undefined) changes.title = input.title;
    if (input.impact !== undefined) changes.impact = input.impact;
    if (input.incidentId !== undefined) changes.incident_id = input.incidentId;
    if (input.componentIds !== undefined) {
      await assertComponentsOnPage(tx, pageId, input.componentIds);
      changes.component_ids = JSON.stringify([...new Set(input.componentIds)]);
    }
    await pagesDb(tx.db).updateTable('status_page_incidents').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    const updates = (await incidentUpdates(tx.db, [id])).get(id) ?? [];
    const after = toPageIncident({ ...before, ...changes }, updates);
    await recordAudit(tx, {
      action: 'status_page_incident.update',
      subject: { type: 'status_page_incident', id },
      data: { before: { ...toPageIncident(before, []), updates: undefined }, after: { ...after, updates: undefined } },
    });
    return after;
  });
}
