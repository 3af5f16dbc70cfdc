import { assertCan, type Ctx } from '../../platform/context.ts';
import type { PageIncident } from './schemas.ts';
import { incidentUpdates, pagesDb, toPageIncident } from './store.ts';

/**
 * The public notices, on any of the organization's pages, that tell customers about one internal
 * incident: what the incidents module updates when the incident moves on.
 */
export async function listLinkedPageIncidents({ ctx, incidentId }: { ctx: Ctx; incidentId: string }): Promise<PageIncident[]> {
  assertCan(ctx, 'read');
  const rows = await pagesDb(ctx.db)
    .selectFrom('status_page_incidents')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('incident_id', '=', incidentId)
    .orderBy('started_at', 'desc')
    .limit(100)
    .execute();
  const updates = await incidentUpdates(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => toPageIncident(r, updates.get(r.id) ?? []));
}
