import { fromLocal, toLocal } from '../../platform/time-zone.ts';

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const DEFAULT_WORK_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
/** A year of days that are all holidays is a misconfigured calendar, not a deadline. */
const MAX_SKIPPED_DAYS = 366;

export interface BusinessDayOptions {
  /** IANA zone the calendar's days are in. */
  timeZone: string;
  /** `YYYY-MM-DD` dates that are not business days. */
  holidays: ReadonlySet<string> | readonly string[];
  workDays?: readonly Weekday[];
}

/** The local calendar date (`YYYY-MM-DD`) of the instant in the zone. */
export function localDate(at: number, timeZone: string): string {
  return new Date(toLocal(at, timeZone)).toISOString().slice(0, 10);
}

export function isBusinessDay(date: string, options: BusinessDayOptions): boolean {
  const holidays = options.holidays instanceof Set ? options.holidays : new Set(options.holidays as readonly string[]);
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return (options.workDays ?? DEFAULT_WORK_DAYS).includes(weekday) && !holidays.has(date);
}

/**
 * The instant `n` business days after `start`: the same wall-clock time in `timeZone` on the n-th
 * business day after start's local date, skipping non-work days and holidays. Days are counted on
 * local calendar dates, so a DST change in between moves the UTC instant, never the wall clock; a
 * wall time that does not exist that day moves forward by the gap.
 */
export function addBusinessDays(start: number, n: number, options: BusinessDayOptions): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addBusinessDays: n must be a whole number ≥ 0 (got ${n})`);
  const holidays = new Set(options.holidays);
  const workDays = options.workDays ?? DEFAULT_WORK_DAYS;
  if (workDays.length === 0) throw new RangeError('addBusinessDays: the calendar has no work days');
  let local = toLocal(start, options.timeZone);
  let counted = 0;
  let skipped = 0;
  while (counted < n) {
    local += DAY_MS;
    if (isBusinessDay(new Date(local).toISOString().slice(0, 10), { timeZone: options.timeZone, holidays, workDays })) counted++;
    else if (++skipped > MAX_SKIPPED_DAYS) throw new RangeError('addBusinessDays: more than a year without a business day');
  }
  return n === 0 ? start : fromLocal(local, options.timeZone);
}
