import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { DEFAULT_WORK_DAYS, type Weekday } from './business-days.ts';
import type { BusinessCalendarsTable, CalendarTables, HolidaysTable } from './schema.ts';
import type { BusinessCalendar, Holiday } from './schemas.ts';

export const calendarDb = (db: Executor) => db.withTables<CalendarTables>();

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

export async function readCalendarRow(ctx: Ctx): Promise<BusinessCalendarsTable | undefined> {
  return calendarDb(ctx.db).selectFrom('business_calendars').selectAll().where('org_id', '=', ctx.orgId).executeTakeFirst();
}

export function toBusinessCalendar(row: BusinessCalendarsTable | undefined): BusinessCalendar {
  if (!row) return { timeZone: 'UTC', workDays: [...DEFAULT_WORK_DAYS], updatedAt: null };
  return { timeZone: row.time_zone, workDays: JSON.parse(row.work_days) as Weekday[], updatedAt: iso(row.updated_at) };
}

export function toHoliday(row: HolidaysTable): Holiday {
  return { id: row.id, date: row.date, name: row.name, source: row.source, createdAt: iso(row.created_at) };
}

export async function getHolidayOn(ctx: Ctx, date: string): Promise<HolidaysTable> {
  const row = await calendarDb(ctx.db).selectFrom('holidays').selectAll().where('org_id', '=', ctx.orgId).where('date', '=', date).executeTakeFirst();
  if (!row) throw new NotFoundError(`Holiday on ${date}`, 'HOLIDAY_NOT_FOUND');
  return row;
}

/** Holiday dates on or after `from` (`YYYY-MM-DD`). */
export async function holidayDatesFrom(ctx: Ctx, from: string): Promise<Set<string>> {
  const rows = await calendarDb(ctx.db).selectFrom('holidays').select('date').where('org_id', '=', ctx.orgId).where('date', '>=', from).execute();
  return new Set(rows.map((r) => r.date));
}
