import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { assertScheduleNameFree, loadSchedule } from './get-schedule.ts';
import type { SchedulesTable } from './schema.ts';
import type { Schedule, UpdateScheduleInput } from './schedule-schemas.ts';
import { oncallDb } from './store.ts';

export async function updateSchedule({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateScheduleInput }): Promise<Schedule> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await loadSchedule(tx, id);
    const changes: Partial<SchedulesTable> = { updated_at: tx.clock.now() };
    if (input.name !== undefined && input.name !== before.name) {
      await assertScheduleNameFree(tx, input.name, id);
      changes.name = input.name;
    }
    if (input.description !== undefined) changes.description = input.description;
    if (input.timeZone !== undefined) changes.time_zone = input.timeZone;
    await oncallDb(tx.db).updateTable('oncall_schedules').set(changes).where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    const after = await loadSchedule(tx, id);
    await recordAudit(tx, { action: 'schedule.update', subject: { type: 'schedule', id }, data: { before, after } });
    return after;
  });
}
