import { describe, expect, it } from 'vitest';
import type { MonitorState } from '../schema.ts';
import { buildSegments, mergeIntervals, stateDurations, uptimeRatio, type FlipPoint } from './timeline.ts';

const flip = (at: number, from_state: MonitorState, to_state: MonitorState): FlipPoint => ({ at, from_state, to_state });

describe('buildSegments', () => {
  it('starts with no data before creation, then the state the first flip left', () => {
    const flips = [flip(30, 'pending', 'up')];
    const segments = buildSegments({ from: 0, to: 100, createdAt: 10, prior: null, flips, firstAfter: flips[0], current: 'up' });
    expect(segments).toEqual([
      { start: 0, end: 10, state: 'nodata' },
      { start: 10, end: 30, state: 'pending' },
      { start: 30, end: 100, state: 'up' },
    ]);
  });

  it('takes the state in force at `from` from the last flip before it', () => {
    const segments = buildSegments({ from: 50, to: 100, createdAt: 0, prior: flip(20, 'up', 'down'), flips: [flip(60, 'down', 'up')], firstAfter: flip(60, 'down', 'up'), current: 'up' });
    expect(segments).toEqual([
      { start: 50, end: 60, state: 'down' },
      { start: 60, end: 100, state: 'up' },
    ]);
  });

  it('uses the current state of a monitor that never flipped, and a later flip when there is one', () => {
    expect(buildSegments({ from: 0, to: 10, createdAt: 0, prior: null, flips: [], firstAfter: null, current: 'paused' })).toEqual([{ start: 0, end: 10, state: 'paused' }]);
    expect(buildSegments({ from: 0, to: 10, createdAt: 0, prior: null, flips: [], firstAfter: flip(50, 'down', 'up'), current: 'up' })).toEqual([{ start: 0, end: 10, state: 'down' }]);
  });

  it('is all no data for a range before creation', () => {
    expect(buildSegments({ from: 0, to: 10, createdAt: 20, prior: null, flips: [], firstAfter: null, current: 'up' })).toEqual([{ start: 0, end: 10, state: 'nodata' }]);
  });
});

describe('stateDurations', () => {
  it('moves coverage-gap time out of measured states into no data, counting overlapping gaps once', () => {
    const segments = buildSegments({ from: 0, to: 100, createdAt: 0, prior: flip(0, 'pending', 'up'), flips: [flip(50, 'up', 'paused')], firstAfter: null, current: 'paused' });
    const d = stateDurations(
      segments,
      [
        { start: 10, end: 20 },
        { start: 15, end: 25 },
        { start: 45, end: 60 },
      ],
      0,
      100,
    );
    expect(d).toEqual({ upMs: 30, degradedMs: 0, downMs: 0, maintenanceMs: 0, pausedMs: 50, noDataMs: 20, activeMs: 50 });
  });

  it('gives no ratio without measured time', () => {
    expect(uptimeRatio({ upMs: 0, degradedMs: 0, downMs: 0 })).toEqual({ uptime: null, degradedRatio: null });
    expect(uptimeRatio({ upMs: 60, degradedMs: 15, downMs: 25 })).toEqual({ uptime: 0.75, degradedRatio: 0.15 });
  });
});

describe('mergeIntervals', () => {
  it('clips to the range and merges touching intervals', () => {
    expect(mergeIntervals([{ start: -5, end: 5 }, { start: 5, end: 8 }, { start: 90, end: 120 }], 0, 100)).toEqual([
      { start: 0, end: 8 },
      { start: 90, end: 100 },
    ]);
  });
});
