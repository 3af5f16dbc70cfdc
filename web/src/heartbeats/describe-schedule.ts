import { Cron } from 'croner';
import { formatDuration } from '../components/time.tsx';
import type { HeartbeatSchedule } from './types.ts';

/** Seconds as people say them: 1h, 1h 30m, 2d ("none" for zero). */
export const formatSeconds = (s: number) => (s === 0 ? 'none' : formatDuration(s * 1000).replace(/ 0[smh]$/, ''));

/** "every 1h, grace 5m" or "0 2 * * * (Europe/London), grace 10m". */
export function describeSchedule(s: HeartbeatSchedule): string {
  const what = s.kind === 'period' ? `every ${formatSeconds(s.period)}` : `${s.cron} (${s.timezone})`;
  return `${what}, grace ${formatSeconds(s.grace)}`;
}

/** The next times a cron schedule expects a ping, or an error for an expression croner rejects. */
export function nextCronRuns(expression: string, timezone: string, count: number, from = new Date()): Date[] | Error {
  try {
    return new Cron(expression, { timezone, mode: '5-part' }).nextRuns(count, from);
  } catch (err) {
    return err as Error;
  }
}

/** A run's length, precise for short runs: 850 ms, 12.4 s, 3m 5s. */
export function formatRunLength(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatDuration(ms);
}
