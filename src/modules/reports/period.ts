import { DAY } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { REPORT_ERRORS } from './errors.ts';

export const MAX_REPORT_DAYS = 366;
export const DEFAULT_REPORT_DAYS = 30;

export interface Period {
  from: number;
  to: number;
}

const invalid = (code: keyof typeof REPORT_ERRORS, path: string, message: string) =>
  new AppError(code, `${path}: ${message}`, { details: { issues: [{ path, message }] } });

/** A date (`2026-03-01`, midnight UTC), an ISO 8601 time or epoch milliseconds. */
export function parseReportInstant(value: string, field: string): number {
  const ms = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(ms)) throw invalid('REPORT_PERIOD_INVALID', field, 'not a date, an ISO 8601 time or epoch milliseconds');
  return ms;
}

/**
 * Resolves the requested period: `to` defaults to now and is clamped to it (the future holds no
 * data), `from` to 30 days before `to`. At most 366 days, the longest on-call timeline there is.
 */
export function resolvePeriod(input: { from?: string; to?: string }, now: number): Period {
  const to = Math.min(input.to === undefined ? now : parseReportInstant(input.to, 'to'), now);
  const from = input.from === undefined ? to - DEFAULT_REPORT_DAYS * DAY : parseReportInstant(input.from, 'from');
  if (from >= to) throw invalid('REPORT_PERIOD_INVALID', 'from', 'must be before to (and before now)');
  if (to - from > MAX_REPORT_DAYS * DAY) throw invalid('REPORT_PERIOD_TOO_LONG', 'to', `the period may span at most ${MAX_REPORT_DAYS} days`);
  return { from, to };
}
