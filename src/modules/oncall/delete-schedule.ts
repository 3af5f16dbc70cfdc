import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { Step } from './escalation-schemas.ts';
import { loadSchedule } from './get-schedule.ts';
import { oncallDb } from './store.ts';

/** Deletes the schedule with its layers, overrides and feed tokens; refused while a policy pages it. */
export async function deleteSchedule({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await loadSchedule(tx, id);
    const q = oncallDb(tx.db);
    const policies = await q.selectFrom('escalation_policies').select(['id', 'name', 'steps']).where('org_id', '=', tx.orgId).execute();
    const users = policies.filter((p) => (JSON.parse(p.steps) as Step[]).some((s) => s.targets.some((t) => t.type === 'schedule' && t.id === id)));
    if (users.length > 0) throw new ConflictError(`Escalation policy "${users[0].name}" pages this schedule`, 'SCHEDULE_IN_USE', { policyIds: users.map((p) => p.id) });
    await q.deleteFrom('oncall_feed_tokens').where('org_id', '=', tx.orgId).where('kind', '=', 'schedule').where('target_id', '=', id).execute();
    await q.deleteFrom('oncall_overrides').where('org_id', '=', tx.orgId).where('schedule_id', '=', id).execute();
    await q.deleteFrom('oncall_layers').where('org_id', '=', tx.orgId).where('schedule_id', '=', id).execute();
    await q.deleteFrom('oncall_schedules').where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'schedule.delete', subject: { type: 'schedule', id }, data: { before } });
  });
}
