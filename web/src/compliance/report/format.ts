import { formatDuration } from '../../components/time.tsx';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** `99.95%`, or `—` when nothing was measured. */
export const pct = (ratio: number | null | undefined, digits = 2) => (ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)}%`);
/** A measured time, without a trailing zero unit (`6m`, `5h`, `1m 30s`). */
export const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value < 1000 ? `${Math.round(value)} ms` : formatDuration(value).replace(/ 0[smh]$/, ''));
export const count = (n: number) => n.toLocaleString();

/** A round span as people say it (`15 min`, `4 h`, `3 d`); anything else as a duration. */
export function span(value: number): string {
  for (const [unit, size] of [['d', DAY], ['h', HOUR], ['min', MIN]] as const) if (value >= size && value % size === 0) return `${value / size} ${unit}`;
  return formatDuration(value);
}

/** Where a zoomed share scale starts: just below the lowest value, so 99.5% and 99.9% look apart. */
export function zoomFloor(values: Array<number | null>): number {
  const low = Math.min(1, ...values.filter((v): v is number => v !== null));
  for (const floor of [0.99, 0.95, 0.9, 0.5]) if (low >= floor + 0.002) return floor;
  return 0;
}
