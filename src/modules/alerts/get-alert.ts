import { assertCan, type Ctx } from '../../platform/context.ts';
import type { RouteSettings } from './routing-tree.ts';
import type { AlertDetail } from './schemas.ts';
import { alertsDb, getAlertInOrg, iso, toAlert } from './store.ts';

const MAX_EVENTS = 500;

/** The alert with its history (oldest first, the latest 500) and the groups it is in. */
export async function getAlert({ ctx, id }: { ctx: Ctx; id: string }): Promise<AlertDetail> {
  assertCan(ctx, 'read');
  const row = await getAlertInOrg(ctx, id);
  const q = alertsDb(ctx.db);
  const events = await q.selectFrom('alert_events').selectAll().where('alert_id', '=', row.id).where('org_id', '=', ctx.orgId).orderBy('seq', 'desc').orderBy('id', 'desc').limit(MAX_EVENTS).execute();
  const groups = await q
    .selectFrom('alert_group_members')
    .innerJoin('alert_groups', 'alert_groups.id', 'alert_group_members.group_id')
    .select(['alert_groups.group_key', 'alert_groups.route_path', 'alert_groups.settings', 'alert_group_members.notified_status'])
    .where('alert_group_members.alert_id', '=', row.id)
    .orderBy('alert_groups.group_key')
    .execute();
  return {
    ...toAlert(row),
    events: events.toReversed().map((e) => ({ id: e.id, at: iso(e.at)!, episode: Number(e.episode), type: e.type, actor: e.actor, data: JSON.parse(e.data) })),
    groups: groups.map((g) => ({
      groupKey: g.group_key,
      routePath: g.route_path,
      receivers: (JSON.parse(g.settings) as RouteSettings).receivers,
      notifiedStatus: g.notified_status,
    })),
  };
}
