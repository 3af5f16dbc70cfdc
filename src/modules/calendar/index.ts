import type { CustosModule } from '../../platform/module.ts';
import { calendarRoutes } from './routes.ts';
import { calendarMigrations } from './schema.ts';

export { getBusinessCalendar } from './get-business-calendar.ts';
export { updateBusinessCalendar } from './update-business-calendar.ts';
export { listHolidays } from './list-holidays.ts';
export { addHoliday } from './add-holiday.ts';
export { deleteHoliday } from './delete-holiday.ts';
export { importHolidays } from './import-holidays.ts';
export { businessDeadline } from './business-deadline.ts';
export { addBusinessDays, isBusinessDay, localDate, WEEKDAYS, DEFAULT_WORK_DAYS, type Weekday, type BusinessDayOptions } from './business-days.ts';
export { CALENDAR_ERRORS } from './errors.ts';
export * from './schemas.ts';

/** The organization's business calendar: time zone, work days and holidays, for business-day deadlines. */
export const calendarModule: CustosModule = {
  name: 'calendar',
  migrations: calendarMigrations,
  routes: (api) => calendarRoutes(api),
};
