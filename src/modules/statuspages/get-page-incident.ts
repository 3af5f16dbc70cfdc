import { assertCan, type Ctx } from '../../platform/context.ts';
import type { PageIncident } from './schemas.ts';
import { getIncidentInPage, getPageInOrg, incidentUpdates, toPageIncident } from './store.ts';

export async function getPageIncident({ ctx, pageId, id }: { ctx: Ctx; pageId: string; id: string }): Promise<PageIncident> {
  assertCan(ctx, 'read');
  await getPageInOrg(ctx, pageId);
  const row = await getIncidentInPage(ctx, pageId, id);
  const updates = await incidentUpdates(ctx.db, [id]);
  return toPageIncident(row, updates.get(id) ?? []);
}
