export interface LatencyStats {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  avg: number | null;
}

/**
 * Nearest-rank percentile: the smallest sample with at least p% of samples at or below it,
 * i.e. sorted[ceil(p/100 * n) - 1]. Always an observed value; no interpolation.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** Stats of latency samples (any order); the input is not modified. */
export function latencyStats(samples: readonly number[]): LatencyStats {
  if (samples.length === 0) return { count: 0, p50: null, p95: null, p99: null, avg: null };
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const list = Array.from(sorted);
  return { count: list.length, p50: nearestRank(list, 50), p95: nearestRank(list, 95), p99: nearestRank(list, 99), avg: sum / list.length };
}
