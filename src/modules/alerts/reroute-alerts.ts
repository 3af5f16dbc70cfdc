import { inTransaction, type Ctx } from '../../platform/context.ts';
import { routeAlert } from './grouping.ts';
import { alertsDb, currentRouting, findAlertRow } from './store.ts';

export const REROUTE_JOB = 'alert.reroute';

export interface ReroutePayload {
  orgId: string;
  version: number;
}

/** Routes every firing alert through the routing document `version`; a later version's job supersedes it. */
export async function rerouteAlerts({ ctx, version }: { ctx: Ctx; version: number }): Promise<{ rerouted: number }> {
  const routing = await currentRouting(ctx.db, ctx.orgId);
  if (routing.version !== version) return { rerouted: 0 };
  const firing = await alertsDb(ctx.db).selectFrom('alerts').select('id').where('org_id', '=', ctx.orgId).where('status', '=', 'firing').orderBy('id').execute();
  let rerouted = 0;
  for (const { id } of firing) {
    await inTransaction(ctx, async (tx) => {
      const row = await findAlertRow(tx, { id }, true);
      if (row?.status !== 'firing') return;
      await routeAlert(tx, row, routing.compiled);
      rerouted++;
    });
  }
  return { rerouted };
}
