import { inTransaction, type Ctx } from '../../platform/context.ts';
import { enqueueFlush, type FlushPayload } from './flush-schedule.ts';
import { enqueueGroupNotified } from './group-notified.ts';
import { recordMutes } from './mutes.ts';
import { buildMessage, dispatchNotification } from './notification-message.ts';
import { settingsOf, type CompiledRouting, type RouteSettings } from './routing-tree.ts';
import type { AlertGroupsTable, AlertsTable, AlertStatus } from './schema.ts';
import { addAlertEvent, alertsDb, currentRouting } from './store.ts';

export interface FlushSummary {
  outcome: 'stale' | 'notified' | 'nothing-new';
  dispatchId?: string;
  alerts?: number;
}

type Member = AlertsTable & { notified_status: AlertStatus | null };

const isMuted = (a: AlertsTable) => a.suppressed !== null || a.silenced_by !== '[]' || a.inhibited_by !== '[]';

/**
 * Alertmanager's dedup decision: notify about new firing alerts, about newly resolved ones while
 * something was notified as firing, and otherwise only when the repeat interval has passed.
 * Acknowledged alerts do not repeat (Alertmanager has no acknowledgement).
 */
export function needsNotification(group: Pick<AlertGroupsTable, 'last_notified_at'>, members: Member[], settings: RouteSettings, now: number): boolean {
  const visible = members.filter((m) => !isMuted(m));
  const firing = visible.filter((m) => m.status === 'firing');
  const resolved = visible.filter((m) => m.status === 'resolved');
  if (group.last_notified_at === null) return firing.length > 0;
  if (firing.some((m) => m.notified_status !== 'firing')) return true;
  if (firing.length === 0) return members.some((m) => m.notified_status === 'firing');
  if (resolved.some((m) => m.notified_status !== 'resolved')) return true;
  return now >= Number(group.last_notified_at) + settings.repeatInterval && firing.some((m) => m.acknowledged_at === null);
}

async function loadMembers(ctx: Ctx, groupId: string): Promise<Member[]> {
  return alertsDb(ctx.db)
    .selectFrom('alert_group_members')
    .innerJoin('alerts', 'alerts.id', 'alert_group_members.alert_id')
    .selectAll('alerts')
    .select('alert_group_members.notified_status')
    .where('alert_group_members.group_id', '=', groupId)
    .execute();
}

async function markNotified(ctx: Ctx, groupId: string, members: Member[], included: Set<string>): Promise<void> {
  const q = alertsDb(ctx.db);
  for (const status of ['firing', 'resolved'] as const) {
    const ids = members.filter((m) => included.has(m.id) && m.status === status).map((m) => m.id);
    if (ids.length > 0) await q.updateTable('alert_group_members').set({ notified_status: status }).where('group_id', '=', groupId).where('alert_id', 'in', ids).execute();
  }
  const left = members.filter((m) => !included.has(m.id)).map((m) => m.id);
  if (left.length > 0) await q.updateTable('alert_group_members').set({ notified_status: null }).where('group_id', '=', groupId).where('alert_id', 'in', left).execute();
}

/**
 * Runs one due flush of an aggregation group: records silences and inhibitions on its alerts,
 * sends one notification per receiver when something is new (firing and newly resolved alerts
 * together), drops the resolved alerts from the group and schedules the repeat check.
 */
export async function flushGroup({ ctx, payload }: { ctx: Ctx; payload: FlushPayload }): Promise<FlushSummary> {
  const q = alertsDb(ctx.db);
  const peek = await q.selectFrom('alert_groups').select('flush_seq').where('id', '=', payload.groupId).where('org_id', '=', ctx.orgId).executeTakeFirst();
  if (!peek || Number(peek.flush_seq) !== payload.seq) return { outcome: 'stale' };
  const routing = (await currentRouting(ctx.db, ctx.orgId)).compiled;
  await recordMutes(ctx, await loadMembers(ctx, payload.groupId), routing);
  return inTransaction(ctx, (tx) => lockAndFlush(tx, payload.groupId, payload.seq, routing));
}

/**
 * Flushes a group that is starting with a group_wait of zero, inside the transaction that put its
 * only alert in it (that transaction holds the alert and the group, so the lock order holds).
 */
export async function flushGroupNow(ctx: Ctx, group: AlertGroupsTable, routing: CompiledRouting): Promise<FlushSummary> {
  return flushLocked(ctx, group, await recordMutes(ctx, await loadMembers(ctx, group.id), routing), routing);
}

async function lockAndFlush(tx: Ctx, groupId: string, seq: number, routing: CompiledRouting): Promise<FlushSummary> {
  const group = await alertsDb(tx.db)
    .selectFrom('alert_groups')
    .selectAll()
    .where('id', '=', groupId)
    .$if(tx.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!group || Number(group.flush_seq) !== seq) return { outcome: 'stale' };
  return flushLocked(tx, group, await loadMembers(tx, group.id), routing);
}

/** The flush proper; the caller holds the group's lock and has read its members under it. */
async function flushLocked(tx: Ctx, group: AlertGroupsTable, members: Member[], routing: CompiledRouting): Promise<FlushSummary> {
  const t = alertsDb(tx.db);
  const now = tx.clock.now();
  const route = routing.byId.get(group.route_id);
  const settings: RouteSettings = route ? settingsOf(route) : JSON.parse(group.settings);
  let summary: FlushSummary = { outcome: 'nothing-new' };
  let lastNotified = group.last_notified_at === null ? null : Number(group.last_notified_at);

  const included = members.filter((m) => !isMuted(m));
  if (included.length > 0 && needsNotification(group, members, settings, now)) {
    const firing = included.some((m) => m.status === 'firing');
    const message = await buildMessage(tx, firing ? 'alert.firing' : 'alert.resolved', group.group_key, included);
    const dispatchId = await dispatchNotification(tx, settings.receivers, message);
    if (settings.escalationPolicy) await enqueueGroupNotified(tx, { groupId: group.id, groupKey: group.group_key, routeId: group.route_id, escalationPolicy: settings.escalationPolicy, dispatchId, receivers: settings.receivers }, message);
    await markNotified(tx, group.id, members, new Set(included.map((m) => m.id)));
    for (const m of included) await addAlertEvent(tx, m, 'notified', { dispatchId, groupKey: group.group_key, status: m.status, receivers: settings.receivers });
    lastNotified = now;
    summary = { outcome: 'notified', dispatchId, alerts: included.length };
  }

  const resolvedIds = members.filter((m) => m.status === 'resolved').map((m) => m.id);
  if (resolvedIds.length > 0) {
    await t
      .deleteFrom('alert_group_members')
      .where('group_id', '=', group.id)
      .where('alert_id', 'in', resolvedIds)
      .where('alert_id', 'in', (eb) => eb.selectFrom('alerts').select('id').where('id', 'in', resolvedIds).where('status', '=', 'resolved'))
      .execute();
  }
  // While something fires, the next look is the first tick at or after the repeat interval.
  const repeatAt = members.some((m) => m.status === 'firing')
    ? now + Math.max(1, Math.ceil(((lastNotified ?? now) + settings.repeatInterval - now) / settings.groupInterval)) * settings.groupInterval
    : null;
  const nextSeq = Number(group.flush_seq) + (repeatAt === null ? 0 : 1);
  await t
    .updateTable('alert_groups')
    .set({ last_flush_at: now, last_notified_at: lastNotified, next_flush_at: repeatAt, flush_seq: nextSeq, settings: JSON.stringify(settings), updated_at: now })
    .where('id', '=', group.id)
    .execute();
  if (repeatAt !== null) await enqueueFlush(tx, group.id, nextSeq, repeatAt);
  return summary;
}
