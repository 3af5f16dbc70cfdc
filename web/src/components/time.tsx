import { useEffect, useState } from 'react';

const LOCAL = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
const LOCAL_SHORT = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** `2026-11-22 23:44:30 UTC`: the unambiguous form shown on hover. */
export const formatUtc = (value: string | number | Date) => `${toDate(value).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
/** Date and time in the viewer's time zone, with the zone named. */
export const formatLocal = (value: string | number | Date) => LOCAL.format(toDate(value));
export const formatLocalShort = (value: string | number | Date) => LOCAL_SHORT.format(toDate(value));

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

export function formatRelative(value: string | number | Date, now = Date.now()): string {
  let delta = (toDate(value).getTime() - now) / 1000;
  if (Math.abs(delta) < 5) return 'just now';
  for (const [unit, size] of STEPS) {
    // Compare the rounded value, so 59.6 minutes reads "in 1 hour", not "in 60 minutes".
    if (Math.abs(Math.round(delta)) < size) return RELATIVE.format(Math.round(delta), unit);
    delta /= size;
  }
  return RELATIVE.format(Math.round(delta), 'year');
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

const subscribers = new Set<(now: number) => void>();
let ticker: ReturnType<typeof setInterval> | undefined;

/** The current time, updated every 15 s by one shared timer. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    subscribers.add(setNow);
    ticker ??= setInterval(() => subscribers.forEach((s) => s(Date.now())), 15_000);
    return () => {
      subscribers.delete(setNow);
      if (subscribers.size === 0) {
        clearInterval(ticker);
        ticker = undefined;
      }
    };
  }, []);
  return now;
}

/** "3 minutes ago" (or the local date and time with `absolute`), with UTC on hover. */
export function Time({ value, absolute = false }: { value: string | number | null | undefined; absolute?: boolean }) {
  const now = useNow();
  if (value === null || value === undefined) return <span className="muted">—</span>;
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return <span className="muted">—</span>;
  return (
    <time dateTime={date.toISOString()} title={`${formatUtc(date)} · ${formatLocal(date)}`}>
      {absolute ? formatLocal(date) : formatRelative(date, now)}
    </time>
  );
}
