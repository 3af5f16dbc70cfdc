/**
 * SQLite compiles each distinct statement text once (the connection caches prepared statements),
 * and a multi-row insert or an `in (…)` list has a new text for every length. Splitting rows into
 * chunks of a few fixed sizes, and padding lists to a few fixed lengths, keeps the texts few.
 */
const CHUNK_SIZES = [128, 32, 8, 2, 1];
const LIST_SIZES = [1, 4, 16, 64, 256, 1024];

/** Rows in chunks of 128, 32, 8, 2 and 1. */
export function fixedChunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const size of CHUNK_SIZES) {
    while (rows.length - at >= size) {
      out.push(rows.slice(at, at + size));
      at += size;
    }
  }
  return out;
}

/** A non-empty list for `in (…)`, repeated up to the next fixed length (repeats change no result). */
export function paddedList<T>(items: readonly T[]): T[] {
  const size = LIST_SIZES.find((s) => s >= items.length) ?? items.length;
  const out = [...items];
  while (out.length < size) out.push(items[items.length - 1]);
  return out;
}

/** Runs `fn` over lists of at most 1024 items, each padded. */
export async function inLists<T, R>(items: readonly T[], fn: (list: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 1024) out.push(...(await fn(paddedList(items.slice(i, i + 1024)))));
  return out;
}
