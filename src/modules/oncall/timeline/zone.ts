export { fromLocal, isTimeZone, offsetAt, toLocal } from '../../../platform/time-zone.ts';

/** `YYYY-MM-DD` + `HH:MM` as a local reading. */
export function localAt(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, hh, mm);
}

/** Minutes since local midnight for `HH:MM` (`24:00` is 1440). */
export function minutesOf(time: string): number {
  const [hh, mm] = time.split(':').map(Number);
  return hh * 60 + mm;
}
