import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../platform/clock.ts';
import { heartbeatConfig } from './schedule.ts';
import { applyDeadlines, applyPing, nextDeadline, rearm, type HeartbeatTrack } from './transition.ts';

const T0 = Date.parse('2026-05-01T00:00:00Z');
const fresh: HeartbeatTrack = { health: 'pending', lastPingAt: null, lastPingKind: null, lastFinishAt: null, nextExpectedAt: null, openRuns: [] };
const hourly = heartbeatConfig(JSON.stringify({ period: 3600, grace: 600 }));
const ping = (kind: 'success' | 'fail' | 'start' | 'log' | 'ignored', at: number, rid: string | null = null) => ({ kind, at, rid, exitStatus: null });

describe('applyPing', () => {
  it('turns up on a success and expects the next ping one period later', () => {
    const r = applyPing(fresh, ping('success', T0), hourly);
    expect(r.track).toMatchObject({ health: 'up', lastFinishAt: T0, nextExpectedAt: T0 + HOUR });
    expect(r.change).toEqual({ health: 'up', at: T0, reason: { cause: 'ping', kind: 'success' } });
    expect(nextDeadline(r.track, hourly)).toBe(T0 + HOUR);
  });

  it('pairs a finish with its start by rid and measures the run', () => {
    let t = applyPing(fresh, ping('start', T0, 'a'), hourly).track;
    t = applyPing(t, ping('start', T0 + 1000, 'b'), hourly).track;
    const a = applyPing(t, ping('success', T0 + 5000, 'a'), hourly);
    expect(a.durationMs).toBe(5000);
    expect(a.track.openRuns).toEqual([{ rid: 'b', at: T0 + 1000 }]);
  });

  it('pairs a finish without rid with the last start', () => {
    let t = applyPing(fresh, ping('start', T0), hourly).track;
    t = applyPing(t, ping('start', T0 + 2000), hourly).track;
    expect(applyPing(t, ping('fail', T0 + 3000), hourly).durationMs).toBe(1000);
  });

  it('keeps the health on start, log and ignored pings', () => {
    const up = applyPing(fresh, ping('success', T0), hourly).track;
    for (const kind of ['start', 'log', 'ignored'] as const) {
      const r = applyPing(up, ping(kind, T0 + MINUTE), hourly);
      expect(r.change).toBeNull();
      expect(r.track.health).toBe('up');
      expect(r.track.nextExpectedAt).toBe(T0 + HOUR);
    }
  });
});

describe('applyDeadlines', () => {
  const up = applyPing(fresh, ping('success', T0), hourly).track;

  it('goes late at the expected time and down after the grace, each at its own time', () => {
    expect(applyDeadlines(up, hourly, T0 + HOUR - 1).changes).toEqual([]);
    const late = applyDeadlines(up, hourly, T0 + HOUR);
    expect(late.changes.map((c) => [c.health, c.at])).toEqual([['degraded', T0 + HOUR]]);
    expect(nextDeadline(late.track, hourly)).toBe(T0 + HOUR + 10 * MINUTE);
    const both = applyDeadlines(up, hourly, T0 + 5 * HOUR);
    expect(both.changes.map((c) => [c.health, c.at, c.reason.cause])).toEqual([
      ['degraded', T0 + HOUR, 'late'],
      ['down', T0 + HOUR + 10 * MINUTE, 'missed'],
    ]);
    expect(nextDeadline(both.track, hourly)).toBeNull();
  });

  it('goes straight down when there is no grace', () => {
    const noGrace = heartbeatConfig(JSON.stringify({ period: 3600, grace: 0 }));
    const t = applyPing(fresh, ping('success', T0), noGrace).track;
    expect(applyDeadlines(t, noGrace, T0 + HOUR).changes.map((c) => c.health)).toEqual(['down']);
  });

  it('takes a run that started and never finished down after the grace, even before the first success', () => {
    const started = applyPing(fresh, ping('start', T0, 'r'), hourly).track;
    expect(nextDeadline(started, hourly)).toBe(T0 + 10 * MINUTE);
    const r = applyDeadlines(started, hourly, T0 + 10 * MINUTE);
    expect(r.changes).toMatchObject([{ health: 'down', at: T0 + 10 * MINUTE, reason: { cause: 'run_not_finished', errorCode: 'HEARTBEAT_RUN_NOT_FINISHED', startedAt: new Date(T0).toISOString(), rid: 'r' } }]);
    expect(r.track.openRuns).toEqual([]);
  });

  it('never expires a pending heartbeat that was not started', () => {
    expect(nextDeadline(fresh, hourly)).toBeNull();
    expect(applyDeadlines(fresh, hourly, T0 + 1000 * HOUR).changes).toEqual([]);
  });

  it('restarts the schedule from a resume', () => {
    const again = rearm(up, hourly, T0 + 50 * HOUR);
    expect(again.nextExpectedAt).toBe(T0 + 51 * HOUR);
    expect(applyDeadlines(again, hourly, T0 + 50 * HOUR).changes).toEqual([]);
  });
});

describe('cron schedules across the Europe/London DST changes', () => {
  const nightly = heartbeatConfig(JSON.stringify({ cron: '0 2 * * *', timezone: 'Europe/London', grace: 1800 }));

  it('expects 02:00 local time, which moves from 02:00Z to 01:00Z in March', () => {
    expect(new Date(nightly.nextExpected(Date.parse('2026-03-28T02:05:00Z'))!).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(nightly.nextExpected(Date.parse('2026-03-29T01:05:00Z'))!).toISOString()).toBe('2026-03-30T01:00:00.000Z');
  });

  it('and from 01:00Z back to 02:00Z in October', () => {
    expect(new Date(nightly.nextExpected(Date.parse('2026-10-24T01:05:00Z'))!).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('runs a time that does not exist on the spring-forward night at the first valid time after the gap', () => {
    const gap = heartbeatConfig(JSON.stringify({ cron: '30 1 * * *', timezone: 'Europe/London', grace: 0 }));
    expect(new Date(gap.nextExpected(Date.parse('2026-03-28T02:00:00Z'))!).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});
