import { describe, expect, it } from 'vitest';
import { finalTimeline, type LayerSpec, type OverrideSpec } from './final-timeline.ts';
import { layerIntervals, restrictionWindows, rotationShifts } from './layer-shifts.ts';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const show = (xs: { userId: string; start: number; end: number }[]) => xs.map((x) => `${x.userId} ${iso(x.start)} ${iso(x.end)}`);

const daily = (over: Partial<LayerSpec> = {}): LayerSpec => ({
  id: 'l1',
  position: 1,
  participants: ['ann', 'bob', 'cat'],
  shiftHours: 24,
  handoffTime: '09:00',
  timeZone: 'Europe/London',
  startDate: '2026-03-27',
  restrictions: [],
  ...over,
});
const everyone = { isMember: () => true };

describe('rotationShifts', () => {
  it('keeps a daily 09:00 London handoff at 09:00 local through the March change', () => {
    expect(show(rotationShifts(daily(), t('2026-03-27T00:00:00Z'), t('2026-03-31T00:00:00Z')))).toEqual([
      'ann 2026-03-27T09:00:00Z 2026-03-28T09:00:00Z',
      'bob 2026-03-28T09:00:00Z 2026-03-29T08:00:00Z',
      'cat 2026-03-29T08:00:00Z 2026-03-30T08:00:00Z',
      'ann 2026-03-30T08:00:00Z 2026-03-31T00:00:00Z',
    ]);
  });

  it('gives a 25-hour shift on the October change in New York', () => {
    const spec = daily({ timeZone: 'America/New_York', startDate: '2026-10-30', participants: ['ann', 'bob'] });
    expect(show(rotationShifts(spec, t('2026-10-31T13:00:00Z'), t('2026-11-02T15:00:00Z')))).toEqual([
      'bob 2026-10-31T13:00:00Z 2026-11-01T14:00:00Z',
      'ann 2026-11-01T14:00:00Z 2026-11-02T14:00:00Z',
      'bob 2026-11-02T14:00:00Z 2026-11-02T15:00:00Z',
    ]);
  });

  it('starts nobody before the start date and picks the right turn far later', () => {
    expect(rotationShifts(daily(), t('2026-03-01T00:00:00Z'), t('2026-03-27T09:00:00Z'))).toEqual([]);
    // 2027-03-27 is 365 days after the start: turn 365 % 3 = 2 (cat).
    expect(show(rotationShifts(daily(), t('2027-03-27T12:00:00Z'), t('2027-03-27T13:00:00Z')))).toEqual(['cat 2027-03-27T12:00:00Z 2027-03-27T13:00:00Z']);
  });

  it('runs weekly and custom-hour shifts on local time', () => {
    const weekly = daily({ shiftHours: 168, startDate: '2026-03-23', handoffTime: '10:00' });
    expect(show(rotationShifts(weekly, t('2026-03-25T00:00:00Z'), t('2026-04-07T00:00:00Z')))).toEqual([
      'ann 2026-03-25T00:00:00Z 2026-03-30T09:00:00Z',
      'bob 2026-03-30T09:00:00Z 2026-04-06T09:00:00Z',
      'cat 2026-04-06T09:00:00Z 2026-04-07T00:00:00Z',
    ]);
    const twelve = daily({ shiftHours: 12, participants: ['day', 'night'], startDate: '2026-10-24', handoffTime: '08:00' });
    expect(show(rotationShifts(twelve, t('2026-10-24T07:00:00Z'), t('2026-10-26T08:00:00Z')))).toEqual([
      'day 2026-10-24T07:00:00Z 2026-10-24T19:00:00Z',
      'night 2026-10-24T19:00:00Z 2026-10-25T08:00:00Z',
      'day 2026-10-25T08:00:00Z 2026-10-25T20:00:00Z',
      'night 2026-10-25T20:00:00Z 2026-10-26T08:00:00Z',
    ]);
  });
});

describe('restrictions', () => {
  it('opens business hours Monday to Friday in the layer zone', () => {
    const windows = restrictionWindows([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }], 'America/New_York', t('2026-03-06T00:00:00Z'), t('2026-03-10T00:00:00Z'));
    expect(windows.map(([a, b]) => `${iso(a)} ${iso(b)}`)).toEqual(['2026-03-06T14:00:00Z 2026-03-06T22:00:00Z', '2026-03-09T13:00:00Z 2026-03-09T21:00:00Z']);
  });

  it('runs an overnight window past midnight and merges touching windows', () => {
    const windows = restrictionWindows(
      [
        { days: ['fri'], start: '18:00', end: '00:00' },
        { days: ['sat'], start: '00:00', end: '06:00' },
      ],
      'UTC',
      t('2026-03-06T00:00:00Z'),
      t('2026-03-08T00:00:00Z'),
    );
    expect(windows.map(([a, b]) => `${iso(a)} ${iso(b)}`)).toEqual(['2026-03-06T18:00:00Z 2026-03-07T06:00:00Z']);
  });

  it('clips shifts to the windows', () => {
    const spec = daily({ timeZone: 'UTC', startDate: '2026-03-02', restrictions: [{ days: ['mon', 'tue'], start: '12:00', end: '14:00' }] });
    expect(show(layerIntervals(spec, t('2026-03-02T00:00:00Z'), t('2026-03-05T00:00:00Z')))).toEqual([
      'ann 2026-03-02T12:00:00Z 2026-03-02T14:00:00Z',
      'bob 2026-03-03T12:00:00Z 2026-03-03T14:00:00Z',
    ]);
  });
});

describe('finalTimeline', () => {
  const base = daily({ id: 'base', position: 1, timeZone: 'UTC', startDate: '2026-03-02', participants: ['ann'] });
  const office = daily({ id: 'office', position: 2, timeZone: 'UTC', startDate: '2026-03-02', participants: ['bob'], restrictions: [{ days: ['mon'], start: '10:00', end: '12:00' }] });

  it('lets a higher layer override a lower one only inside its restrictions', () => {
    const segs = finalTimeline({ layers: [office, base], overrides: [], ...everyone }, t('2026-03-02T09:00:00Z'), t('2026-03-02T13:00:00Z'));
    expect(show(segs)).toEqual(['ann 2026-03-02T09:00:00Z 2026-03-02T10:00:00Z', 'bob 2026-03-02T10:00:00Z 2026-03-02T12:00:00Z', 'ann 2026-03-02T12:00:00Z 2026-03-02T13:00:00Z']);
    expect(segs.map((s) => s.source.id)).toEqual(['base', 'office', 'base']);
  });

  it('puts overrides over everything, the later of two overlapping ones winning', () => {
    const overrides: OverrideSpec[] = [
      { id: 'o1', userId: 'cat', start: t('2026-03-02T11:00:00Z'), end: t('2026-03-02T15:00:00Z'), createdAt: 1 },
      { id: 'o2', userId: 'dan', start: t('2026-03-02T14:00:00Z'), end: t('2026-03-02T16:00:00Z'), createdAt: 2 },
    ];
    const segs = finalTimeline({ layers: [base, office], overrides, ...everyone }, t('2026-03-02T10:00:00Z'), t('2026-03-02T17:00:00Z'));
    expect(show(segs)).toEqual([
      'bob 2026-03-02T10:00:00Z 2026-03-02T11:00:00Z',
      'cat 2026-03-02T11:00:00Z 2026-03-02T14:00:00Z',
      'dan 2026-03-02T14:00:00Z 2026-03-02T16:00:00Z',
      'ann 2026-03-02T16:00:00Z 2026-03-02T17:00:00Z',
    ]);
  });

  it('joins one person across their consecutive shifts and leaves gaps for non-members', () => {
    const segs = finalTimeline({ layers: [base], overrides: [], ...everyone }, t('2026-03-02T00:00:00Z'), t('2026-03-05T00:00:00Z'));
    expect(show(segs)).toEqual(['ann 2026-03-02T09:00:00Z 2026-03-05T00:00:00Z']);
    const gone = finalTimeline({ layers: [base, office], overrides: [], isMember: (u) => u !== 'bob' }, t('2026-03-02T09:00:00Z'), t('2026-03-02T13:00:00Z'));
    expect(show(gone)).toEqual(['ann 2026-03-02T09:00:00Z 2026-03-02T13:00:00Z']);
  });
});
