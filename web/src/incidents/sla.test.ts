import { describe, expect, it } from 'vitest';
import { clockView, currentClock } from './sla.ts';
import type { Incident } from './types.ts';

const start = '2026-11-23T10:00:00.000Z';
const at = (minutes: number) => Date.parse(start) + minutes * 60_000;
const iso = (minutes: number) => new Date(at(minutes)).toISOString();
const clock = (dueMin: number, metMin: number | null = null, breachedMin: number | null = null) => ({ dueAt: iso(dueMin), metAt: metMin === null ? null : iso(metMin), breachedAt: breachedMin === null ? null : iso(breachedMin) });

describe('clockView', () => {
  it('counts down, warns in the last quarter and names a breach with its age', () => {
    expect(clockView(clock(60), start, at(10))).toEqual({ state: 'running', text: '50m 0s left' });
    expect(clockView(clock(60), start, at(50)).state).toBe('due-soon');
    expect(clockView(clock(60, null, 60), start, at(75))).toEqual({ state: 'breached', text: 'breached 15m 0s ago' });
    expect(clockView(clock(60), start, at(61)).state).toBe('breached');
  });

  it('says how long meeting it took, late or not', () => {
    expect(clockView(clock(60, 12), start, at(200))).toEqual({ state: 'met', text: 'met in 12m 0s' });
    expect(clockView(clock(60, 90, 60), start, at(200)).state).toBe('met-late');
  });

  it('stops a clock whose phase is over before its due time', () => {
    expect(clockView(clock(60), start, at(10), true).state).toBe('stopped');
  });
});

describe('currentClock', () => {
  const incident = { triggeredAt: start, sla: { response: clock(15), resolution: clock(120) } } as Incident;
  it('runs the response clock until acknowledged, then the resolution clock', () => {
    expect(currentClock({ ...incident, status: 'triggered' }, at(5))?.name).toBe('response');
    expect(currentClock({ ...incident, status: 'acknowledged' }, at(5))?.name).toBe('resolution');
    expect(currentClock({ ...incident, status: 'resolved' }, at(5))).toBeNull();
  });
});
