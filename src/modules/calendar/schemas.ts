import { z } from 'zod';
import { isTimeZone } from '../../platform/time-zone.ts';
import { WEEKDAYS } from './business-days.ts';

export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-25')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');
const TimeZone = z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Europe/London');
const WorkDays = z
  .array(z.enum(WEEKDAYS))
  .min(1, 'at least one work day')
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'each day once');

export const BusinessCalendar = z.object({
  timeZone: z.string(),
  workDays: z.array(z.enum(WEEKDAYS)),
  updatedAt: z.string().nullable().describe('null while the defaults apply'),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

export const UpdateBusinessCalendarInput = z.object({
  timeZone: TimeZone.optional().describe('days are counted in this zone; default UTC'),
  workDays: WorkDays.optional().describe('default mon … fri'),
});
export type UpdateBusinessCalendarInput = z.infer<typeof UpdateBusinessCalendarInput>;

export const Holiday = z.object({ id: z.string(), date: z.string(), name: z.string(), source: z.string(), createdAt: z.string() });
export type Holiday = z.infer<typeof Holiday>;

export const AddHolidayInput = z.object({ date: CalendarDate, name: z.string().trim().min(1).max(200) });
export type AddHolidayInput = z.infer<typeof AddHolidayInput>;

export const ListHolidaysInput = z.object({
  from: CalendarDate.optional().describe('inclusive'),
  to: CalendarDate.optional().describe('inclusive'),
});
export type ListHolidaysInput = z.infer<typeof ListHolidaysInput>;

export const ImportHolidaysInput = z.object({
  country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as GB').toUpperCase(),
  region: z
    .string()
    .regex(/^[A-Za-z0-9]{1,3}$/, 'a region code such as ENG')
    .toUpperCase()
    .optional(),
  years: z.array(z.number().int().min(1970).max(2100)).min(1).max(5),
});
export type ImportHolidaysInput = z.infer<typeof ImportHolidaysInput>;

export const ImportHolidaysResult = z.object({ added: z.array(Holiday), skipped: z.array(z.object({ date: z.string(), name: z.string() })) });
export type ImportHolidaysResult = z.infer<typeof ImportHolidaysResult>;

export const BusinessDeadlineQuery = z.object({
  from: z.iso.datetime({ offset: true }).describe('the start instant'),
  days: z.coerce.number().int().min(0).max(260),
});
export type BusinessDeadlineQuery = z.infer<typeof BusinessDeadlineQuery>;
