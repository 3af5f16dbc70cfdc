import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { StatusPageIncidentsTable, StatusPageIncidentUpdatesTable } from './schema.ts';
import type { CreatePageIncidentInput, PageIncident } from './schemas.ts';
import { assertComponentsOnPage, getPageInOrg, pagesDb, toPageIncident } from './store.ts';

/**
 * Opens a public incident notice with its first update. `incidentId` links it to an internal
 * incident, so the incidents module can post updates to the notice it opened.
 */
export async function createPageIncident({ ctx, pageId, input }: { ctx: Ctx; pageId: string; input: CreatePageIncidentInput }): Promise<PageIncident> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    const componentIds = [...new Set(input.componentIds)];
    await assertComponentsOnPage(tx, pageId, input.componentIds);
    const now = tx.clock.now();
    const startedAt = input.startedAt ? Date.parse(input.startedAt) : now;
    const row: StatusPageIncidentsTable = {
      id: newId(now),
      org_id: tx.orgId,
      page_id: pageId,
      incident_id: input.incidentId ?? null,
      title: input.title,
      impact: input.impact,
      status: input.status,
      component_ids: JSON.stringify(componentIds),
      started_at: startedAt,
      resolved_at: input.status === 'resolved' ? startedAt : null,
      update_count: 1,
      created_at: now,
      updated_at: now,
    };
    const update: StatusPageIncidentUpdatesTable = {
      id: newId(now),
      org_id: tx.orgId,
      page_incident_id: row.id,
      seq: 1,
      status: input.status,
      message: input.message,
      at: startedAt,
      created_at: now,
    };
    await pagesDb(tx.db).insertInto('status_page_incidents').values(row).execute();
    await pagesDb(tx.db).insertInto('status_page_incident_updates').values(update).execute();
    const incident = toPageIncident(row, [update]);
    await recordAudit(tx, { action: 'status_page_incident.create', subject: { type: 'status_page_incident', id: row.id }, data: { after: incident } });
    return incident;
  });
}
