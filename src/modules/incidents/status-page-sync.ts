import { listLinkedPageIncidents, postIncidentUpdate, type PageIncident } from '../statuspages/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { IncidentsTable } from './schema.ts';
import { recordTimeline } from './store.ts';

export type PageStatus = PageIncident['status'];

/** Posts an update to every status-page notice linked to the incident (unless `always`, only to those not already at that status). */
export async function updateLinkedPages(tx: Ctx, row: IncidentsTable, status: PageStatus, message?: string, always = false): Promise<number> {
  const asSystem = { ...tx, role: 'owner' as const };
  const notices = await listLinkedPageIncidents({ ctx: asSystem, incidentId: row.id });
  let posted = 0;
  for (const notice of notices) {
    if (notice.status === status && !always) continue;
    const text = message ?? (status === 'resolved' ? 'This incident has been resolved.' : `Status: ${status}.`);
    const update = await postIncidentUpdate({ ctx: asSystem, pageId: notice.pageId, incidentId: notice.id, input: { status, message: text } });
    await recordTimeline(tx, row.id, { kind: 'status_page.update', detail: { pageId: notice.pageId, pageIncidentId: notice.id, updateId: update.id, status, message: text } });
    posted++;
  }
  return posted;
}
