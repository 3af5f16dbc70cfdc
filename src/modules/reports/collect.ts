/** Reads every page of a cursor-paginated verb. */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    out.push(...next.data);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Nearest-rank percentile of `values` (unsorted); null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
