/**
 * Wall-clock arithmetic in IANA time zones through `Intl.DateTimeFormat` offsets.
 * A "local" time here is the wall-clock reading encoded as if it were UTC milliseconds
 * (2026-03-29 09:00 in London is `Date.UTC(2026, 2, 29, 9, 0)`), so adding a day of
 * local time is adding 24 h to that number, whatever the zone does to the offset.
 */
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone (or alias) this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at the instant `utc`, in milliseconds (+3 600 000 for BST). */
export function offsetAt(utc: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(utc))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return local - Math.floor(utc / 1000) * 1000;
}

/** The wall-clock reading at the instant `utc`. */
export function toLocal(utc: number, timeZone: string): number {
  return utc + offsetAt(utc, timeZone);
}

/**
 * The instant a wall-clock reading names. A reading that happens twice (clocks go back) is the
 * earlier instant; one that never happens (clocks go forward) moves forward by the gap, as
 * Temporal's "compatible" disambiguation does: 01:30 on London's spring-forward day is 02:30 BST.
 */
export function fromLocal(local: number, timeZone: string): number {
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const candidates = [local - before, local - after].filter((utc) => toLocal(utc, timeZone) === local);
  if (candidates.length > 0) return Math.min(...candidates);
  return local - before;
}
