import { describe, expect, it } from 'vitest';
import { fromLocalInput, startOfZonedDay, startOfZonedWeek, toLocalInput, zonedToInstant } from './zone.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zone arithmetic', () => {
  it('gives the spring-forward day 23 hours and the fall-back day 25', () => {
    const spring = Date.parse('2027-03-28T12:00:00Z');
    expect(iso(startOfZonedDay(spring, 'Europe/London'))).toBe('2027-03-28T00:00:00.000Z');
    expect(startOfZonedDay(spring, 'Europe/London', 1) - startOfZonedDay(spring, 'Europe/London')).toBe(23 * 3_600_000);
    const fall = Date.parse('2026-11-01T12:00:00Z');
    expect(startOfZonedDay(fall, 'America/New_York', 1) - startOfZonedDay(fall, 'America/New_York')).toBe(25 * 3_600_000);
  });

  it('moves a wall-clock time in the spring-forward gap forward by the gap', () => {
    expect(iso(zonedToInstant(2027, 3, 28, 1, 30, 'Europe/London'))).toBe('2027-03-28T01:30:00.000Z');
    expect(iso(zonedToInstant(2027, 3, 28, 9, 0, 'Europe/London'))).toBe('2027-03-28T08:00:00.000Z');
  });

  it('starts weeks on Monday at local midnight', () => {
    expect(iso(startOfZonedWeek(Date.parse('2026-11-29T23:30:00Z'), 'Asia/Tokyo'))).toBe('2026-11-29T15:00:00.000Z');
    expect(iso(startOfZonedWeek(Date.parse('2026-11-25T10:00:00Z'), 'UTC'))).toBe('2026-11-23T00:00:00.000Z');
  });

  it('reads and writes datetime-local values in the zone', () => {
    expect(toLocalInput(Date.parse('2026-11-23T09:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-23T14:30');
    expect(iso(fromLocalInput('2026-11-23T14:30', 'Asia/Kolkata'))).toBe('2026-11-23T09:00:00.000Z');
    expect(fromLocalInput('not a time', 'UTC')).toBeNaN();
  });
});
