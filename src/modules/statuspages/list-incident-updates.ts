import { assertCan, type Ctx } from '../../platform/context.ts';
import type { IncidentUpdate } from './schemas.ts';
import { getIncidentInPage, getPageInOrg, incidentUpdates, toIncidentUpdate } from './store.ts';

/** Newest first. */
export async function listIncidentUpdates({ ctx, pageId, incidentId }: { ctx: Ctx; pageId: string; incidentId: string }): Promise<{ data: IncidentUpdate[]; nextCursor: null }> {
  assertCan(ctx, 'read');
  await getPageInOrg(ctx, pageId);
  await getIncidentInPage(ctx, pageId, incidentId);
  const updates = (await incidentUpdates(ctx.db, [incidentId])).get(incidentId) ?? [];
  return { data: updates.map(toIncidentUpdate), nextCursor: null };
}
