import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { BusinessCalendar, UpdateBusinessCalendarInput } from './schemas.ts';
import { calendarDb, readCalendarRow, toBusinessCalendar } from './store.ts';

export async function updateBusinessCalendar({ ctx, input }: { ctx: Ctx; input: UpdateBusinessCalendarInput }): Promise<BusinessCalendar> {
  assertCan(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const row = await readCalendarRow(tx);
    const before = toBusinessCalendar(row);
    const now = tx.clock.now();
    const values = {
      org_id: tx.orgId,
      time_zone: input.timeZone ?? before.timeZone,
      work_days: JSON.stringify(input.workDays ?? before.workDays),
      created_at: row?.created_at ?? now,
      updated_at: now,
    };
    await calendarDb(tx.db)
      .insertInto('business_calendars')
      .values(values)
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ time_zone: values.time_zone, work_days: values.work_days, updated_at: now }))
      .execute();
    const after = toBusinessCalendar(values);
    await recordAudit(tx, { action: 'business_calendar.update', subject: { type: 'business_calendar', id: tx.orgId }, data: { before, after } });
    return after;
  });
}
