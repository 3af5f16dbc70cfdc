import { describe, expect, it } from 'vitest';
import { isDay, lastDays, periodDays, reportQuery } from './period.ts';
import { ms, span, zoomFloor } from './report/format.ts';

const NOW = Date.parse('2026-03-31T23:30:00Z');

describe('lastDays', () => {
  it('counts today as the last of the UTC days', () => {
    expect(lastDays(7, NOW)).toEqual({ from: '2026-03-25', to: '2026-03-31' });
    expect(periodDays(lastDays(90, NOW))).toBe(90);
  });
});

describe('reportQuery', () => {
  it('asks the report API for the day after the last one, exclusive', () => {
    expect(reportQuery({ from: '2026-02-27', to: '2026-02-28' })).toEqual({ from: '2026-02-27', to: '2026-03-01' });
  });
});

describe('isDay', () => {
  it('takes only YYYY-MM-DD dates', () => {
    expect(isDay('2026-03-01')).toBe(true);
    expect(isDay('2026-3-1')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});

describe('zoomFloor', () => {
  it('starts the uptime scale just below the lowest value', () => {
    expect(zoomFloor([0.9995, 0.999, null])).toBe(0.99);
    expect(zoomFloor([0.9915])).toBe(0.95);
    expect(zoomFloor([0.2])).toBe(0);
    expect(zoomFloor([null])).toBe(0.99);
  });
});

describe('span', () => {
  it('says round targets the short way', () => {
    expect(span(15 * 60_000)).toBe('15 min');
    expect(span(4 * 3_600_000)).toBe('4 h');
    expect(span(3 * 86_400_000)).toBe('3 d');
    expect(span(90_000)).toBe('1m 30s');
  });
});

describe('ms', () => {
  it('drops a trailing zero unit', () => {
    expect(ms(6 * 60_000)).toBe('6m');
    expect(ms(5 * 3_600_000)).toBe('5h');
    expect(ms(90_000)).toBe('1m 30s');
    expect(ms(342)).toBe('342 ms');
    expect(ms(null)).toBe('—');
  });
});
