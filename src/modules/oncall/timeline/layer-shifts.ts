import { fromLocal, localAt, minutesOf, toLocal } from './zone.ts';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A window of the week in the layer's zone; `end` at or before `start` runs past midnight. */
export interface Restriction {
  days: Weekday[];
  start: string;
  end: string;
}

/** One rotation: participants take turns, one shift each, handing off at a wall-clock time. */
export interface RotationSpec {
  participants: string[];
  shiftHours: number;
  handoffTime: string;
  timeZone: string;
  startDate: string;
  restrictions: Restriction[];
}

export interface Interval {
  userId: string;
  start: number;
  end: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A guard against a range no caller should ask for (a year of one-hour shifts is 8 784). */
const MAX_SHIFTS = 20_000;

/**
 * The rotation's shifts overlapping [from, to), clipped to it. Shift k starts at the start
 * date's handoff plus k shift lengths of local time, so a daily 09:00 handoff stays at 09:00
 * on both sides of a DST change (that day's shift is 23 or 25 hours long).
 */
export function rotationShifts(spec: RotationSpec, from: number, to: number): Interval[] {
  const length = spec.shiftHours * HOUR;
  const origin = localAt(spec.startDate, spec.handoffTime);
  const boundary = (k: number) => fromLocal(origin + k * length, spec.timeZone);
  const out: Interval[] = [];
  let k = Math.max(0, Math.floor((toLocal(from, spec.timeZone) - origin) / length) - 2);
  let start = boundary(k);
  for (let n = 0; start < to && n < MAX_SHIFTS; n++, k++) {
    const end = boundary(k + 1);
    if (end > from && end > start) out.push({ userId: spec.participants[k % spec.participants.length], start: Math.max(start, from), end: Math.min(end, to) });
    start = end;
  }
  return out;
}

/** The instants inside the restrictions, as sorted, merged [start, end) pairs within [from, to). */
export function restrictionWindows(restrictions: Restriction[], timeZone: string, from: number, to: number): [number, number][] {
  if (restrictions.length === 0) return from < to ? [[from, to]] : [];
  const windows: [number, number][] = [];
  const first = Math.floor(toLocal(from, timeZone) / DAY) * DAY - DAY;
  const last = Math.floor(toLocal(to, timeZone) / DAY) * DAY + DAY;
  for (let day = first; day <= last; day += DAY) {
    const weekday = WEEKDAYS[new Date(day).getUTCDay()];
    for (const r of restrictions) {
      if (!r.days.includes(weekday)) continue;
      const startMin = minutesOf(r.start);
      let endMin = minutesOf(r.end);
      if (endMin <= startMin) endMin += 24 * 60;
      const start = Math.max(fromLocal(day + startMin * MINUTE, timeZone), from);
      const end = Math.min(fromLocal(day + endMin * MINUTE, timeZone), to);
      if (end > start) windows.push([start, end]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const prev = merged.at(-1);
    if (prev && w[0] <= prev[1]) prev[1] = Math.max(prev[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

/** The parts of each shift that fall inside a window; both lists sorted and non-overlapping. */
export function clipToWindows(shifts: Interval[], windows: [number, number][]): Interval[] {
  const out: Interval[] = [];
  let w = 0;
  for (const shift of shifts) {
    while (w < windows.length && windows[w][1] <= shift.start) w++;
    for (let i = w; i < windows.length && windows[i][0] < shift.end; i++) {
      const start = Math.max(shift.start, windows[i][0]);
      const end = Math.min(shift.end, windows[i][1]);
      if (end > start) out.push({ userId: shift.userId, start, end });
    }
  }
  return out;
}

/** What a layer contributes in [from, to): its shifts, restricted. */
export function layerIntervals(spec: RotationSpec, from: number, to: number): Interval[] {
  if (spec.participants.length === 0 || to <= from) return [];
  return clipToWindows(rotationShifts(spec, from, to), restrictionWindows(spec.restrictions, spec.timeZone, from, to));
}
