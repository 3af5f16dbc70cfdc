import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('makes RFC 9562 version 7 UUIDs that carry the millisecond time and sort by it', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    for (const id of [a, b]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.slice(0, 13).replace('-', '')).toBe((1_700_000_000_000).toString(16).padStart(12, '0'));
    expect(a < b).toBe(true);
  });

  it('never repeats across pool refills', () => {
    const ids = new Set(Array.from({ length: 5_000 }, () => newId(0)));
    expect(ids.size).toBe(5_000);
  });
});
