import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { StatusPageIncidentUpdatesTable } from './schema.ts';
import type { IncidentUpdate, PostIncidentUpdateInput } from './schemas.ts';
import { getIncidentInPage, getPageInOrg, pagesDb, toIncidentUpdate } from './store.ts';

/**
 * Posts an update; the incident takes its status. `resolved` closes the incident at the update's
 * time, and a later non-resolved update reopens it.
 */
export async function postIncidentUpdate({ ctx, pageId, incidentId, input }: { ctx: Ctx; pageId: string; incidentId: string; input: PostIncidentUpdateInput }): Promise<IncidentUpdate> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    await getPageInOrg(tx, pageId);
    const incident = await getIncidentInPage(tx, pageId, incidentId);
    const now = tx.clock.now();
    const at = input.at ? Date.parse(input.at) : now;
    // The increment takes the incident's row lock, so concurrent posts get distinct numbers.
    const { update_count: seq } = await pagesDb(tx.db)
      .updateTable('status_page_incidents')
      .set((eb) => ({ update_count: eb('update_count', '+', 1) }))
      .where('id', '=', incidentId)
      .where('org_id', '=', tx.orgId)
      .returning('update_count')
      .executeTakeFirstOrThrow();
    const row: StatusPageIncidentUpdatesTable = { id: newId(now), org_id: tx.orgId, page_incident_id: incidentId, seq: Number(seq), status: input.status, message: input.message, at, created_at: now };
    await pagesDb(tx.db).insertInto('status_page_incident_updates').values(row).execute();
    const latest = await pagesDb(tx.db)
      .selectFrom('status_page_incident_updates')
      .select(['status', 'at'])
      .where('page_incident_id', '=', incidentId)
      .orderBy('at', 'desc')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const resolvedAt = latest.status === 'resolved' ? Number(latest.at) : null;
    await pagesDb(tx.db)
      .updateTable('status_page_incidents')
      .set({ status: latest.status, resolved_at: resolvedAt, updated_at: now })
      .where('id', '=', incidentId)
      .where('org_id', '=', tx.orgId)
      .execute();
    const update = toIncidentUpdate(row);
    await recordAudit(tx, {
      action: 'status_page_incident.post_update',
      subject: { type: 'status_page_incident', id: incidentId },
      data: { update, statusBefore: incident.status, statusAfter: latest.status },
    });
    return update;
  });
}
