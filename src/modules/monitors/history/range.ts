import { DAY, HOUR } from '../../../platform/clock.ts';
import { ValidationError } from '../../../platform/errors.ts';

export const WINDOW_MS = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '90d': 90 * DAY, '365d': 365 * DAY } as const;
export type WindowName = keyof typeof WINDOW_MS;

export interface Range {
  from: number;
  to: number;
}

/** Parses an ISO 8601 time or epoch milliseconds; `field` names the input in the error. */
export function parseInstant(value: string, field: string): number {
  const ms = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new ValidationError([{ path: field, message: 'not an ISO 8601 time or epoch milliseconds' }]);
  return ms;
}

export interface RangeInput {
  from?: string;
  to?: string;
  window?: WindowName;
}

/**
 * Resolves `from`/`to` (or a named window ending now) to epoch ms. The end is clamped to now:
 * the future holds no data. Without input the range is the last `defaultMs`.
 */
export function resolveRange(input: RangeInput, now: number, options: { defaultMs?: number; maxMs?: number } = {}): Range {
  const { defaultMs = DAY, maxMs = 3_660 * DAY } = options;
  if (input.window && (input.from || input.to)) throw new ValidationError([{ path: 'window', message: 'give either window or from/to, not both' }]);
  const to = Math.min(input.to ? parseInstant(input.to, 'to') : now, now);
  const span = input.window ? WINDOW_MS[input.window] : defaultMs;
  const from = input.from ? parseInstant(input.from, 'from') : to - span;
  if (from >= to) throw new ValidationError([{ path: 'from', message: 'must be before to (and before now)' }]);
  if (to - from > maxMs) throw new ValidationError([{ path: 'from', message: `the range may span at most ${Math.round(maxMs / DAY)} days` }]);
  return { from, to };
}

export const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;
export const ceilTo = (ms: number, unit: number) => Math.ceil(ms / unit) * unit;

/** Full hours inside [from, to). */
export function fullHours(range: Range): number[] {
  const hours: number[] = [];
  for (let h = ceilTo(range.from, HOUR); h + HOUR <= range.to; h += HOUR) hours.push(h);
  return hours;
}

export const iso = (ms: number) => new Date(ms).toISOString();
