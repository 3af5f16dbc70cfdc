import { describe, expect, it } from 'vitest';
import { activeMaintenance, nextChange, occurrenceAt, type MaintenanceRule } from './active.ts';
import { MaintenanceSchedule } from './schemas.ts';

const at = (iso: string) => Date.parse(iso);
const monitor = { id: 'm1', orgId: 'o1', labels: { env: 'prod', team: 'core' } };
const rule = (schedule: unknown, selector: MaintenanceRule['selector'] = { monitorIds: ['m1'] }, extra: Partial<MaintenanceRule> = {}): MaintenanceRule => ({
  id: 'w1',
  orgId: 'o1',
  name: 'window',
  selector,
  schedule: MaintenanceSchedule.parse(schedule),
  active: true,
  ...extra,
});

const issues = (s: unknown) => MaintenanceSchedule.safeParse(s).error?.issues.map((i) => i.path.join('.'));

describe('activeMaintenance', () => {
  it('holds a one-off window from its start up to (not including) its end', () => {
    const w = rule({ kind: 'once', startsAt: '2026-05-01T10:00:00+01:00', endsAt: '2026-05-01T11:00:00+01:00' });
    expect(activeMaintenance([w], monitor, at('2026-05-01T08:59:59Z'))).toBeNull();
    expect(activeMaintenance([w], monitor, at('2026-05-01T09:00:00Z'))?.id).toBe('w1');
    expect(activeMaintenance([w], monitor, at('2026-05-01T10:00:00Z'))).toBeNull();
    expect(nextChange(w.schedule, at('2026-05-01T08:00:00Z'))).toBe(at('2026-05-01T09:00:00Z'));
    expect(nextChange(w.schedule, at('2026-05-01T12:00:00Z'))).toBe(Infinity);
  });

  it('keeps a weekly window at 09:00 London time across the spring DST change', () => {
    const w = rule({ kind: 'weekly', days: ['sun'], time: '09:00', timezone: 'Europe/London', durationMinutes: 60 });
    // 22 March 2026 is GMT (09:00 = 09:00Z); 29 March is BST (09:00 = 08:00Z).
    expect(activeMaintenance([w], monitor, at('2026-03-22T08:30:00Z'))).toBeNull();
    expect(occurrenceAt(w.schedule, at('2026-03-22T09:30:00Z'))).toEqual({ start: at('2026-03-22T09:00:00Z'), end: at('2026-03-22T10:00:00Z') });
    expect(occurrenceAt(w.schedule, at('2026-03-29T08:30:00Z'))).toEqual({ start: at('2026-03-29T08:00:00Z'), end: at('2026-03-29T09:00:00Z') });
    expect(activeMaintenance([w], monitor, at('2026-03-29T09:30:00Z'))).toBeNull();
    expect(nextChange(w.schedule, at('2026-03-23T00:00:00Z'))).toBe(at('2026-03-29T08:00:00Z'));
  });

  it('follows a cron window in its time zone across the autumn DST change', () => {
    const w = rule({ kind: 'cron', cron: '0 2 * * *', timezone: 'Europe/London', durationMinutes: 30 });
    // 25 October 2026 leaves BST: 02:00 London is 01:00Z the day before and 02:00Z on the 25th.
    expect(occurrenceAt(w.schedule, at('2026-10-24T01:10:00Z'))?.start).toBe(at('2026-10-24T01:00:00Z'));
    expect(occurrenceAt(w.schedule, at('2026-10-25T01:10:00Z'))).toBeNull();
    expect(occurrenceAt(w.schedule, at('2026-10-25T02:10:00Z'))?.start).toBe(at('2026-10-25T02:00:00Z'));
    expect(nextChange(w.schedule, at('2026-10-25T02:10:00Z'))).toBe(at('2026-10-25T02:30:00Z'));
  });

  it('selects by id or by every label, within the organization, and ignores inactive windows', () => {
    const when = { kind: 'once', startsAt: '2026-05-01T09:00:00Z', endsAt: '2026-05-01T10:00:00Z' };
    const now = at('2026-05-01T09:30:00Z');
    expect(activeMaintenance([rule(when, { labels: { env: 'prod' } })], monitor, now)?.id).toBe('w1');
    expect(activeMaintenance([rule(when, { labels: { env: 'prod', team: 'edge' } })], monitor, now)).toBeNull();
    expect(activeMaintenance([rule(when, { monitorIds: ['m2'] })], monitor, now)).toBeNull();
    expect(activeMaintenance([rule(when, undefined, { orgId: 'o2' })], monitor, now)).toBeNull();
    expect(activeMaintenance([rule(when, undefined, { active: false })], monitor, now)).toBeNull();
  });

  it('rejects schedules that cannot be honoured, naming the field', () => {
    expect(issues({ kind: 'once', startsAt: '2026-05-01T10:00:00Z', endsAt: '2026-05-01T09:00:00Z' })).toEqual(['endsAt']);
    expect(issues({ kind: 'cron', cron: 'every day', timezone: 'UTC', durationMinutes: 10 })).toEqual(['cron']);
    expect(issues({ kind: 'weekly', days: ['mon'], time: '25:00', timezone: 'Mars/Base', durationMinutes: 10 })).toEqual(['time', 'timezone']);
  });
});
