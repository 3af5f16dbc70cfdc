import type { Ctx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import type { RouteSettings } from './routing-tree.ts';
import type { AlertGroupsTable } from './schema.ts';
import { alertsDb } from './store.ts';

export const FLUSH_JOB = 'alert.group.flush';

export interface FlushPayload {
  orgId: string;
  groupId: string;
  seq: number;
}

/**
 * Moves the group's next flush to `due` unless one is already due sooner, and enqueues the job
 * that will run it. The conditional update settles races between writers; the sequence number
 * makes every earlier job for the group stale.
 */
export async function scheduleFlush(ctx: Ctx, groupId: string, due: number): Promise<boolean> {
  const now = ctx.clock.now();
  const row = await alertsDb(ctx.db)
    .updateTable('alert_groups')
    .set((eb) => ({ next_flush_at: due, flush_seq: eb('flush_seq', '+', 1), updated_at: now }))
    .where('id', '=', groupId)
    .where((eb) => eb.or([eb('next_flush_at', 'is', null), eb('next_flush_at', '>', due)]))
    .returning('flush_seq')
    .executeTakeFirst();
  if (!row) return false;
  await enqueueFlush(ctx, groupId, Number(row.flush_seq), due);
  return true;
}

export async function enqueueFlush(ctx: Ctx, groupId: string, seq: number, due: number): Promise<void> {
  const payload: FlushPayload = { orgId: ctx.orgId, groupId, seq };
  await enqueueJob(ctx.db, ctx.clock.now(), { kind: FLUSH_JOB, orgId: ctx.orgId, dueAt: due, idempotencyKey: `alert-group:${groupId}:${seq}`, payload });
}

/**
 * Asks for a flush at the group's next tick. Like Alertmanager's group timer, ticks fall every
 * group_interval after the last flush; a group that has not flushed yet waits for its group_wait.
 */
export async function requestFlush(ctx: Ctx, group: Pick<AlertGroupsTable, 'id' | 'anchor_at' | 'last_flush_at' | 'settings'>): Promise<void> {
  const now = ctx.clock.now();
  if (group.last_flush_at === null) {
    await scheduleFlush(ctx, group.id, Number(group.anchor_at));
    return;
  }
  const last = Number(group.last_flush_at);
  const interval = (JSON.parse(group.settings) as RouteSettings).groupInterval;
  await scheduleFlush(ctx, group.id, last + Math.max(1, Math.ceil((now - last) / interval)) * interval);
}

/** Locks the groups in group-key order, as routing does, so concurrent writers never deadlock. */
export async function requestFlushForAlerts(ctx: Ctx, alertIds: string[]): Promise<void> {
  if (alertIds.length === 0) return;
  const groups = await alertsDb(ctx.db)
    .selectFrom('alert_groups')
    .select(['id', 'anchor_at', 'last_flush_at', 'settings'])
    .where('org_id', '=', ctx.orgId)
    .where('id', 'in', (eb) => eb.selectFrom('alert_group_members').select('group_id').where('alert_id', 'in', alertIds))
    .orderBy('group_key')
    .$if(ctx.dialect === 'postgres' && ctx.db.isTransaction, (qb) => qb.forUpdate())
    .execute();
  for (const g of groups) await requestFlush(ctx, g);
}

/** Alerts whose recorded silences or inhibitions name `id`: lifting it may unmute them. */
export async function alertsMutedBy(ctx: Ctx, column: 'silenced_by' | 'inhibited_by', id: string): Promise<string[]> {
  const rows = await alertsDb(ctx.db).selectFrom('alerts').select('id').where('org_id', '=', ctx.orgId).where(column, 'like', `%"${id}"%`).execute();
  return rows.map((r) => r.id);
}
