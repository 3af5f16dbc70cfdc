import { describe, expect, it } from 'vitest';
import { fromLocal, isTimeZone, localAt, offsetAt, toLocal } from './zone.ts';

const H = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

describe('time zone arithmetic', () => {
  it('knows IANA zones and rejects others', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('+01:00 or so')).toBe(false);
  });

  it('reads the offset on both sides of London and New York changes', () => {
    expect(offsetAt(utc('2026-03-29T00:59:59Z'), 'Europe/London')).toBe(0);
    expect(offsetAt(utc('2026-03-29T01:00:00Z'), 'Europe/London')).toBe(H);
    expect(offsetAt(utc('2026-10-25T00:59:59Z'), 'Europe/London')).toBe(H);
    expect(offsetAt(utc('2026-10-25T01:00:00Z'), 'Europe/London')).toBe(0);
    expect(offsetAt(utc('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-5 * H);
    expect(offsetAt(utc('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-4 * H);
    expect(offsetAt(utc('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-5 * H);
  });

  it('maps a wall-clock reading to its instant and back', () => {
    expect(fromLocal(localAt('2026-03-28', '09:00'), 'Europe/London')).toBe(utc('2026-03-28T09:00:00Z'));
    expect(fromLocal(localAt('2026-03-30', '09:00'), 'Europe/London')).toBe(utc('2026-03-30T08:00:00Z'));
    expect(fromLocal(localAt('2026-07-01', '09:00'), 'America/New_York')).toBe(utc('2026-07-01T13:00:00Z'));
    expect(toLocal(utc('2026-07-01T13:00:00Z'), 'America/New_York')).toBe(localAt('2026-07-01', '09:00'));
  });

  it('moves a reading in the spring-forward gap forward by the gap', () => {
    expect(fromLocal(localAt('2026-03-29', '01:30'), 'Europe/London')).toBe(utc('2026-03-29T01:30:00Z'));
    expect(fromLocal(localAt('2026-03-08', '02:30'), 'America/New_York')).toBe(utc('2026-03-08T07:30:00Z'));
  });

  it('takes the earlier instant of a reading that happens twice', () => {
    expect(fromLocal(localAt('2026-10-25', '01:30'), 'Europe/London')).toBe(utc('2026-10-25T00:30:00Z'));
    expect(fromLocal(localAt('2026-11-01', '01:30'), 'America/New_York')).toBe(utc('2026-11-01T05:30:00Z'));
  });
});
