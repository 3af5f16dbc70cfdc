import { describe, expect, it } from 'vitest';
import { parseJsonPath, readJsonPath } from './json-path.ts';

describe('parseJsonPath', () => {
  it('parses dotted keys, indexes and quoted keys', () => {
    expect(parseJsonPath('a.b[0].c')).toEqual(['a', 'b', 0, 'c']);
    expect(parseJsonPath('$.data[12]["x.y"]')).toEqual(['data', 12, 'x.y']);
    expect(parseJsonPath('$')).toEqual([]);
  });

  it('rejects malformed paths', () => {
    for (const path of ['a..b', 'a[x]', 'a[0', 'a.']) expect(() => parseJsonPath(path)).toThrow();
  });
});

describe('readJsonPath', () => {
  const doc = { a: { b: [{ c: 1 }, null] }, list: [] };

  it('finds values, including null', () => {
    expect(readJsonPath(doc, ['a', 'b', 0, 'c'])).toEqual({ found: true, value: 1 });
    expect(readJsonPath(doc, ['a', 'b', 1])).toEqual({ found: true, value: null });
  });

  it('reports missing keys, out-of-range indexes and inherited properties as not found', () => {
    expect(readJsonPath(doc, ['a', 'x']).found).toBe(false);
    expect(readJsonPath(doc, ['list', 0]).found).toBe(false);
    expect(readJsonPath(doc, ['a', 'b', 'length']).found).toBe(false);
    expect(readJsonPath(doc, ['a', 'toString']).found).toBe(false);
  });
});
