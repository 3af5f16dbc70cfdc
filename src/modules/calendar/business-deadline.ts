import { assertCan, type Ctx } from '../../platform/context.ts';
import { addBusinessDays, localDate } from './business-days.ts';
import { holidayDatesFrom, readCalendarRow, toBusinessCalendar } from './store.ts';

/** `days` business days after `start` on the organization's calendar (zone, work days, holidays). */
export async function businessDeadline({ ctx, start, days }: { ctx: Ctx; start: number; days: number }): Promise<number> {
  assertCan(ctx, 'read');
  const calendar = toBusinessCalendar(await readCalendarRow(ctx));
  const holidays = await holidayDatesFrom(ctx, localDate(start, calendar.timeZone));
  return addBusinessDays(start, days, { timeZone: calendar.timeZone, workDays: calendar.workDays, holidays });
}
