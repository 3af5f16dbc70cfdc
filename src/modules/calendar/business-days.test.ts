import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay, localDate } from './business-days.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('addBusinessDays', () => {
  it('skips weekends', () => {
    // Wednesday 10:00 UTC + 5 business days = next Wednesday; Friday + 1 = Monday.
    expect(iso(addBusinessDays(at('2026-01-07T10:00:00Z'), 5, { timeZone: 'UTC', holidays: [] }))).toBe('2026-01-14T10:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-01-09T17:30:00Z'), 1, { timeZone: 'UTC', holidays: [] }))).toBe('2026-01-12T17:30:00.000Z');
  });

  it('skips configured holidays', () => {
    const holidays = ['2026-01-12', '2026-01-13'];
    expect(iso(addBusinessDays(at('2026-01-09T09:00:00Z'), 1, { timeZone: 'UTC', holidays }))).toBe('2026-01-14T09:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-01-09T09:00:00Z'), 5, { timeZone: 'UTC', holidays }))).toBe('2026-01-20T09:00:00.000Z');
  });

  it('counts days in the organization zone, not in UTC', () => {
    // Friday 23:30 in New York is Saturday 04:30 UTC: one business day later is Monday 23:30 local.
    const start = at('2026-01-10T04:30:00Z');
    expect(localDate(start, 'America/New_York')).toBe('2026-01-09');
    expect(iso(addBusinessDays(start, 1, { timeZone: 'America/New_York', holidays: [] }))).toBe('2026-01-13T04:30:00.000Z');
  });

  it('keeps the wall-clock time across a DST change (and Easter holidays)', () => {
    // London, Friday 27 March 2026 15:00 GMT; clocks go forward on the 29th; Good Friday 3 April and
    // Easter Monday 6 April are holidays: five business days later is Tuesday 7 April 15:00 BST.
    const due = addBusinessDays(at('2026-03-27T15:00:00Z'), 5, { timeZone: 'Europe/London', holidays: ['2026-04-03', '2026-04-06'] });
    expect(iso(due)).toBe('2026-04-07T14:00:00.000Z');
    // Autumn: Friday 23 October 2026 09:00 BST + 1 business day = Monday 26 October 09:00 GMT.
    expect(iso(addBusinessDays(at('2026-10-23T08:00:00Z'), 1, { timeZone: 'Europe/London', holidays: [] }))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('starts counting on the next day when the start is not a business day', () => {
    expect(iso(addBusinessDays(at('2026-01-10T12:00:00Z'), 1, { timeZone: 'UTC', holidays: [] }))).toBe('2026-01-12T12:00:00.000Z');
    expect(addBusinessDays(at('2026-01-10T12:00:00Z'), 0, { timeZone: 'UTC', holidays: [] })).toBe(at('2026-01-10T12:00:00Z'));
  });

  it('honours other work weeks and refuses impossible calendars', () => {
    const sundayToThursday = ['sun', 'mon', 'tue', 'wed', 'thu'] as const;
    expect(iso(addBusinessDays(at('2026-01-08T08:00:00Z'), 1, { timeZone: 'Asia/Jerusalem', holidays: [], workDays: sundayToThursday }))).toBe('2026-01-11T08:00:00.000Z');
    expect(() => addBusinessDays(0, 1, { timeZone: 'UTC', holidays: [], workDays: [] })).toThrow(RangeError);
    expect(() => addBusinessDays(0, -1, { timeZone: 'UTC', holidays: [] })).toThrow(RangeError);
  });

  it('tells a business day', () => {
    expect(isBusinessDay('2026-12-25', { timeZone: 'UTC', holidays: new Set(['2026-12-25']) })).toBe(false);
    expect(isBusinessDay('2026-12-24', { timeZone: 'UTC', holidays: new Set(['2026-12-25']) })).toBe(true);
  });
});
