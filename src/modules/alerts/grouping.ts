import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { flushGroupNow } from './flush-group.ts';
import { enqueueFlush, requestFlush, scheduleFlush } from './flush-schedule.ts';
import { groupKeyOf, groupLabels, matchRoutes, settingsOf, type CompiledRoute, type CompiledRouting } from './routing-tree.ts';
import type { AlertGroupsTable, AlertsTable } from './schema.ts';
import { alertsDb } from './store.ts';

/** Creates the group unless it exists; returns it only when this call created it (and so holds it). */
async function createGroup(ctx: Ctx, route: CompiledRoute, key: string, labels: Record<string, string>): Promise<AlertGroupsTable | null> {
  const now = ctx.clock.now();
  const anchor = now + route.groupWait;
  const row: AlertGroupsTable = {
    id: newId(now),
    org_id: ctx.orgId,
    group_key: key,
    route_id: route.id,
    route_path: route.path,
    labels: JSON.stringify(groupLabels(route, labels)),
    settings: JSON.stringify(settingsOf(route)),
    anchor_at: anchor,
    next_flush_at: route.groupWait > 0 ? anchor : null,
    flush_seq: route.groupWait > 0 ? 1 : 0,
    last_flush_at: null,
    last_notified_at: null,
    created_at: now,
    updated_at: now,
  };
  const inserted = await alertsDb(ctx.db)
    .insertInto('alert_groups')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'group_key']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 ? row : null;
}

async function lockGroup(ctx: Ctx, key: string): Promise<AlertGroupsTable | undefined> {
  return alertsDb(ctx.db)
    .selectFrom('alert_groups')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('group_key', '=', key)
    .$if(ctx.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

async function join(ctx: Ctx, groupId: string, alertId: string): Promise<boolean> {
  const r = await alertsDb(ctx.db)
    .insertInto('alert_group_members')
    .values({ group_id: groupId, alert_id: alertId, org_id: ctx.orgId, added_at: ctx.clock.now(), notified_status: null })
    .onConflict((oc) => oc.columns(['group_id', 'alert_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** A group that starts (again) flushes after group_wait; with a group_wait of zero it flushes right away, as Alertmanager does. */
async function start(ctx: Ctx, group: AlertGroupsTable, route: CompiledRoute, routing: CompiledRouting, created: boolean): Promise<void> {
  if (route.groupWait === 0) await flushGroupNow(ctx, group, routing);
  else if (created) await enqueueFlush(ctx, group.id, group.flush_seq, group.anchor_at);
  else await scheduleFlush(ctx, group.id, Number(group.anchor_at));
}

/**
 * Puts a firing alert into the group of every route it matches (leaving groups it no longer
 * matches) and asks each for a flush; a group without other members starts afresh (group_wait).
 * Runs in the caller's transaction after the alert row is locked: lock order is alert, then groups.
 */
export async function routeAlert(ctx: Ctx, alert: Pick<AlertsTable, 'id' | 'labels'>, routing: CompiledRouting, isNew = false): Promise<string[]> {
  const labels = JSON.parse(alert.labels) as Record<string, string>;
  const q = alertsDb(ctx.db);
  const targets = new Map(matchRoutes(routing.root, labels).map((route) => [groupKeyOf(route, labels), route]));
  if (!isNew) {
    const current = await q
      .selectFrom('alert_group_members')
      .innerJoin('alert_groups', 'alert_groups.id', 'alert_group_members.group_id')
      .select(['alert_groups.id', 'alert_groups.group_key'])
      .where('alert_group_members.alert_id', '=', alert.id)
      .execute();
    const left = current.filter((c) => !targets.has(c.group_key)).map((c) => c.id);
    if (left.length > 0) await q.deleteFrom('alert_group_members').where('alert_id', '=', alert.id).where('group_id', 'in', left).execute();
  }

  for (const [key, route] of [...targets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const created = await createGroup(ctx, route, key, labels);
    if (created) {
      await join(ctx, created.id, alert.id);
      await start(ctx, created, route, routing, true);
      continue;
    }
    const group = await lockGroup(ctx, key);
    if (!group) throw new Error(`alert group ${key} vanished`);
    const joined = await join(ctx, group.id, alert.id);
    const others = await q
      .selectFrom('alert_group_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('group_id', '=', group.id)
      .where('alert_id', '!=', alert.id)
      .executeTakeFirstOrThrow();
    if (!joined || Number(others.n) > 0) {
      await requestFlush(ctx, group);
      continue;
    }
    const now = ctx.clock.now();
    const restarted = { anchor_at: now + route.groupWait, next_flush_at: null, last_flush_at: null, settings: JSON.stringify(settingsOf(route)), route_path: route.path, updated_at: now };
    await q.updateTable('alert_groups').set(restarted).where('id', '=', group.id).execute();
    await start(ctx, { ...group, ...restarted }, route, routing, false);
  }
  return [...targets.keys()];
}
