import { describe, expect, it } from 'vitest';
import { classifyStatus, parseRetryAfter } from './http.ts';

describe('classifyStatus', () => {
  it('retries 408, 429 and 5xx and gives up on any other 4xx', () => {
    expect([200, 202, 204].map((s) => classifyStatus(s).ok)).toEqual([true, true, true]);
    expect([408, 429, 500, 503].map((s) => classifyStatus(s).permanent)).toEqual([false, false, false, false]);
    expect([400, 401, 403, 404, 410, 422].map((s) => classifyStatus(s).permanent)).toEqual([true, true, true, true, true, true]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Sun, 01 Mar 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Feb 2026 00:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
