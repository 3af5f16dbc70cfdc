/** A period of whole UTC days, both ends included (`YYYY-MM-DD`): what the pack API takes, and what a report covers. */
export interface DayPeriod {
  from: string;
  to: string;
}

export const PRESETS = [7, 30, 90] as const;
const DAY = 86_400_000;

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => utcDay(Date.parse(`${day}T00:00:00Z`) + n * DAY);

/** The last `days` UTC days, today included. */
export const lastDays = (days: number, now = Date.now()): DayPeriod => ({ from: addDays(utcDay(now), 1 - days), to: utcDay(now) });

/** The report API's query: `from` inclusive, `to` exclusive (the server clamps it to now). */
export const reportQuery = (p: DayPeriod) => ({ from: p.from, to: addDays(p.to, 1) });

export const isDay = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

export const periodDays = (p: DayPeriod) => Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY) + 1;
