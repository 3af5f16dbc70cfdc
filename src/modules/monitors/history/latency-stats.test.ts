import { describe, expect, it } from 'vitest';
import { latencyStats, nearestRank } from './latency-stats.ts';

describe('nearestRank', () => {
  it('picks the sample at rank ceil(p/100 * n)', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(sorted, 50)).toBe(50);
    expect(nearestRank(sorted, 95)).toBe(95);
    expect(nearestRank(sorted, 99)).toBe(99);
    expect(nearestRank([10, 20, 30, 40, 50], 50)).toBe(30);
    expect(nearestRank([10, 20, 30, 40, 50], 95)).toBe(50);
    expect(nearestRank([7], 99)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
  });
});

describe('latencyStats', () => {
  it('sorts numerically and averages', () => {
    expect(latencyStats([100, 9, 30, 2])).toEqual({ count: 4, p50: 9, p95: 100, p99: 100, avg: 35.25 });
    expect(latencyStats([])).toEqual({ count: 0, p50: null, p95: null, p99: null, avg: null });
  });
});
