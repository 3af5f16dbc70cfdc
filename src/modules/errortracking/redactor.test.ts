import { describe, expect, it } from 'vitest';
import { DEFAULT_REDACTED_FIELDS, redactText, redactValue } from '../../platform/redact/index.ts';
import { MUST_KEEP, MUST_REDACT } from '../../platform/redact/redact.fixtures.ts';
import { mayHoldPersonalData, Redactor } from './redactor.ts';

const FRAGMENTS = ['a', 'Z', '0', '7', ' ', '-', '_', '=', '@', '.', '%40', 'eyJ', 'Bearer ', 'basic ', 'sk_live_', 'sk-', 'ghp_', 'xoxb-', 'AKIA', 'glpat-', 'cst_', 'token=', 'key=', 'AB', '12 ', '34', 'C', 'f00d', '4111', 'example.com', '\n'];

function randomText(random: () => number): string {
  let out = '';
  const n = 1 + Math.floor(random() * 40);
  for (let i = 0; i < n; i++) out += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
  return out;
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('Redactor', () => {
  const redactor = new Redactor(DEFAULT_REDACTED_FIELDS);

  it('redacts exactly what the platform redacts in its fixtures', () => {
    for (const [, text, expected, counts] of MUST_REDACT) {
      expect(mayHoldPersonalData(text)).toBe(true);
      const got: Record<string, number> = {};
      expect(redactor.text(text, got)).toBe(expected);
      expect(got).toEqual(counts);
    }
    for (const [, text] of MUST_KEEP) expect(redactor.text(text, {})).toBe(text);
  });

  it('never skips a string the platform detectors would change (random texts)', () => {
    const random = seeded(42);
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(random);
      const counts = {};
      expect(redactor.text(text, counts), JSON.stringify(text)).toBe(redactText(text).text);
    }
  });

  it('matches redactValue on nested values, keeping trace identifiers', () => {
    const value = {
      password: 'x',
      nested: { Authorization: 'Bearer 0123456789abcdefXYZ', list: [['Cookie', 'a=b'], 'mail jane@example.com'], trace_id: '0123456789abcdef0123456789abcdef' },
      'jane@example.com': 1,
    };
    const counts = {};
    const ours = redactor.value(value, counts) as { nested: { trace_id: string } };
    const platform = redactValue(value, { fieldNames: DEFAULT_REDACTED_FIELDS });
    expect(ours.nested.trace_id).toBe('0123456789abcdef0123456789abcdef');
    expect({ ...ours, nested: { ...ours.nested, trace_id: '[hex]' } }).toEqual(platform.value);
    expect(counts).toEqual({ ...platform.counts, hex: (platform.counts.hex ?? 1) - 1 || undefined });
  });
});
