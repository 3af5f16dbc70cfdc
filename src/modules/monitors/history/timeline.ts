import type { MonitorState } from '../schema.ts';

/** A state in force over a span; `nodata` is time before the monitor existed. */
export type TimelineState = MonitorState | 'nodata';

export interface Segment {
  start: number;
  end: number;
  state: TimelineState;
}

export interface FlipPoint {
  at: number;
  from_state: MonitorState;
  to_state: MonitorState;
}

export interface TimelineInput {
  from: number;
  to: number;
  /** Null when the monitor row is gone: its flips alone describe it. */
  createdAt: number | null;
  /** The last flip at or before `from`. */
  prior: FlipPoint | null;
  /** Flips with from < at < to, in order. */
  flips: FlipPoint[];
  /** The first flip after `from` (in the window or later), for the state before the first flip. */
  firstAfter: FlipPoint | null;
  /** The monitor's current state, in force since creation when it never flipped. */
  current: MonitorState | null;
}

/** The state in force at `from`: the last flip before it, else what the first flip left, else the current state. */
export function initialState(input: Pick<TimelineInput, 'prior' | 'firstAfter' | 'current'>): MonitorState {
  return input.prior?.to_state ?? input.firstAfter?.from_state ?? input.current ?? 'pending';
}

export function buildSegments(input: TimelineInput): Segment[] {
  const { from, to } = input;
  const segments: Segment[] = [];
  const push = (start: number, end: number, state: TimelineState) => {
    if (end > start) segments.push({ start, end, state });
  };
  const born = input.createdAt === null ? from : Math.min(Math.max(from, input.createdAt), to);
  push(from, born, 'nodata');
  let cursor = born;
  let state: TimelineState = initialState(input);
  for (const flip of input.flips) {
    if (flip.at <= cursor) {
      state = flip.to_state;
      continue;
    }
    if (flip.at >= to) break;
    push(cursor, flip.at, state);
    cursor = flip.at;
    state = flip.to_state;
  }
  push(cursor, to, state);
  return segments;
}

/** The segments clipped to [from, to). */
export const clipSegments = (segments: Segment[], from: number, to: number): Segment[] =>
  segments.filter((s) => s.end > from && s.start < to).map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to), state: s.state }));

export interface Interval {
  start: number;
  end: number;
}

/** Clips intervals to [from, to) and merges overlapping ones, in order. */
export function mergeIntervals(intervals: Interval[], from: number, to: number): Interval[] {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of clipped) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

export function overlapMs(span: Interval, merged: Interval[]): number {
  let total = 0;
  for (const i of merged) {
    if (i.start >= span.end) break;
    total += Math.max(0, Math.min(i.end, span.end) - Math.max(i.start, span.start));
  }
  return total;
}

export interface StateDurations {
  upMs: number;
  degradedMs: number;
  downMs: number;
  maintenanceMs: number;
  pausedMs: number;
  noDataMs: number;
  /** Time the monitor should have been checked: not paused, not in maintenance, existing. */
  activeMs: number;
}

export const emptyDurations = (): StateDurations => ({ upMs: 0, degradedMs: 0, downMs: 0, maintenanceMs: 0, pausedMs: 0, noDataMs: 0, activeMs: 0 });

const MEASURED = { up: 'upMs', degraded: 'degradedMs', down: 'downMs' } as const;

/**
 * Sums the segments per state. Coverage-gap time inside up/degraded/down is moved to no data:
 * nobody looked, so it is not evidence of either. Pending and pre-creation time are no data too.
 */
export function stateDurations(segments: Segment[], gaps: Interval[], from: number, to: number): StateDurations {
  const merged = mergeIntervals(gaps, from, to);
  const d = emptyDurations();
  for (const s of segments) {
    const length = s.end - s.start;
    if (s.state === 'up' || s.state === 'degraded' || s.state === 'down') {
      const unseen = overlapMs(s, merged);
      d[MEASURED[s.state]] += length - unseen;
      d.noDataMs += unseen;
      d.activeMs += length;
    } else if (s.state === 'pending') {
      d.noDataMs += length;
      d.activeMs += length;
    } else if (s.state === 'paused') d.pausedMs += length;
    else if (s.state === 'maintenance') d.maintenanceMs += length;
    else d.noDataMs += length;
  }
  return d;
}

/** Active time (should have been checked) inside `spans`, for expected-check counts. */
export function activeMsWithin(segments: Segment[], spans: Interval[]): number {
  let total = 0;
  for (const s of segments) {
    if (s.state === 'paused' || s.state === 'maintenance' || s.state === 'nodata') continue;
    total += overlapMs(s, spans);
  }
  return total;
}

export function uptimeRatio(d: Pick<StateDurations, 'upMs' | 'degradedMs' | 'downMs'>): { uptime: number | null; degradedRatio: number | null } {
  const measured = d.upMs + d.degradedMs + d.downMs;
  if (measured <= 0) return { uptime: null, degradedRatio: null };
  return { uptime: (d.upMs + d.degradedMs) / measured, degradedRatio: d.degradedMs / measured };
}
