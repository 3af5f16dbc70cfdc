import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { getScheduleInOrg } from './get-schedule.ts';
import { oncallDb, toOverride } from './store.ts';

export async function deleteOverride({ ctx, scheduleId, overrideId }: { ctx: Ctx; scheduleId: string; overrideId: string }): Promise<void> {
  assertCan(ctx, 'respond');
  await inTransaction(ctx, async (tx) => {
    await getScheduleInOrg(tx, scheduleId);
    const q = oncallDb(tx.db);
    const row = await q.selectFrom('oncall_overrides').selectAll().where('org_id', '=', tx.orgId).where('schedule_id', '=', scheduleId).where('id', '=', overrideId).executeTakeFirst();
    if (!row) throw new NotFoundError('Override', 'OVERRIDE_NOT_FOUND');
    await q.deleteFrom('oncall_overrides').where('org_id', '=', tx.orgId).where('id', '=', overrideId).execute();
    await recordAudit(tx, { action: 'override.delete', subject: { type: 'override', id: overrideId }, data: { scheduleId, before: toOverride(row) } });
  });
}
