import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, dedupKeyOf, signatureHolds, timeOf } from './common.ts';

describe('dedupKeyOf', () => {
  it('joins the parts, and hashes them when the key would pass 255 characters', () => {
    expect(dedupKeyOf('gh', 'org/repo', '.github/workflows/ci.yml', 'main')).toBe('gh:org/repo:.github/workflows/ci.yml:main');
    const long = dedupKeyOf('gh', 'org/repo', 'w.yml', 'b'.repeat(300));
    expect(long).toMatch(/^gh:sha256:[0-9a-f]{64}$/);
    expect(dedupKeyOf('gh', 'org/repo', 'w.yml', 'b'.repeat(300))).toBe(long);
  });
});

describe('signatureHolds', () => {
  const body = Buffer.from('{"zen":"Keep it logically awesome."}');
  const hex = createHmac('sha256', 'secret').update(body).digest('hex');

  it('accepts sha256=<hex> and bare hex of the HMAC-SHA256 of the body', () => {
    expect(signatureHolds('secret', body, `sha256=${hex}`)).toBe(true);
    expect(signatureHolds('secret', body, hex.toUpperCase())).toBe(true);
  });

  it('refuses another secret, another body, a truncated or missing signature', () => {
    expect(signatureHolds('other', body, `sha256=${hex}`)).toBe(false);
    expect(signatureHolds('secret', Buffer.from(`${body} `), `sha256=${hex}`)).toBe(false);
    expect(signatureHolds('secret', body, `sha256=${hex.slice(0, 63)}`)).toBe(false);
    expect(signatureHolds('secret', body, undefined)).toBe(false);
  });
});

describe('constantTimeEqual', () => {
  it('compares whole strings of any length', () => {
    expect(constantTimeEqual('Bearer abc', 'Bearer abc')).toBe(true);
    expect(constantTimeEqual('Bearer ab', 'Bearer abc')).toBe(false);
    expect(constantTimeEqual('', 'Bearer abc')).toBe(false);
  });
});

describe('timeOf', () => {
  it("reads RFC 3339 with nanoseconds and treats Go's zero time as absent", () => {
    expect(timeOf('2026-11-23T00:47:21.080651693Z')).toBe(Date.UTC(2026, 10, 23, 0, 47, 21, 80));
    expect(timeOf('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(timeOf('yesterday')).toBeUndefined();
    expect(timeOf(42)).toBeUndefined();
  });
});
