import { describe, expect, it } from 'vitest';
import { passesLuhn } from './patterns.ts';
import { DEFAULT_MAX_DEPTH, normaliseFieldName, REDACTED, redactText, redactValue } from './redact.ts';
import { MUST_KEEP, MUST_REDACT } from './redact.fixtures.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('redactText', () => {
  it.each(MUST_KEEP)('keeps %s', (_what, text) => {
    expect(redactText(text)).toEqual({ text, counts: {} });
  });

  it.each(MUST_REDACT)('redacts %s', (_what, text, expected, counts) => {
    expect(redactText(text)).toEqual({ text: expected, counts });
  });

  it('is stable: redacting the output again changes nothing', () => {
    for (const [, text] of MUST_REDACT) {
      const once = redactText(text).text;
      expect(redactText(once)).toEqual({ text: once, counts: {} });
    }
  });

  it('finds every occurrence, not only the first', () => {
    const { text, counts } = redactText('a@example.com, b@example.com; c@example.com');
    expect(text).toBe('[email], [email]; [email]');
    expect(counts).toEqual({ email: 3 });
  });
});

describe('passesLuhn', () => {
  it.each([
    ['4111111111111111', true],
    ['4242 4242 4242 4242', true],
    ['378282246310005', true],
    ['79927398713', true],
    ['4111111111111112', false],
    ['79927398710', false],
  ])('checks %s', (digits, valid) => {
    expect(passesLuhn(digits)).toBe(valid);
  });
});

describe('redactValue', () => {
  it('replaces listed fields in nested objects and arrays, whatever their casing and separators', () => {
    const input = {
      user: { First_Name: 'Jane', LastName: 'Doe', 'date-of-birth': '1990-02-03', Address: { street: '1 High St', city: 'Leeds' } },
      request: {
        headers: { Authorization: 'Bearer abc', 'Set-Cookie': 'sid=1', 'User-Agent': 'curl/8.5.0' },
        body: [{ 'api key': 'k1', card_number: '4111 1111 1111 1111', quantity: 3 }],
      },
      people: [{ full_name: 'A B' }, { FULL_NAME: 'C D' }],
    };
    const { value, counts } = redactValue(input);
    expect(value).toEqual({
      user: { First_Name: REDACTED, LastName: REDACTED, 'date-of-birth': REDACTED, Address: REDACTED },
      request: {
        headers: { Authorization: REDACTED, 'Set-Cookie': REDACTED, 'User-Agent': 'curl/8.5.0' },
        body: [{ 'api key': REDACTED, card_number: REDACTED, quantity: 3 }],
      },
      people: [{ full_name: REDACTED }, { FULL_NAME: REDACTED }],
    });
    expect(counts).toEqual({
      'field:firstname': 1,
      'field:lastname': 1,
      'field:dateofbirth': 1,
      'field:address': 1,
      'field:authorization': 1,
      'field:setcookie': 1,
      'field:apikey': 1,
      'field:cardnumber': 1,
      'field:fullname': 2,
    });
  });

  it('scrubs strings anywhere in the value, keys included', () => {
    const input = {
      message: 'payment failed for jane@example.com',
      tags: ['ok', 'card 4111111111111111'],
      extra: { 'bob@example.com': 'opted out', nested: [[{ deep: `jwt ${'eyJhbGciOiJub25lIn0'}.eyJzdWIiOiIxIn0.` }]] },
      count: 7,
      ok: true,
      missing: null,
    };
    const { value, counts } = redactValue(input);
    expect(value).toEqual({
      message: 'payment failed for [email]',
      tags: ['ok', 'card [card]'],
      extra: { '[email]': 'opted out', nested: [[{ deep: 'jwt [jwt]' }]] },
      count: 7,
      ok: true,
      missing: null,
    });
    expect(counts).toEqual({ email: 2, card: 1, jwt: 1 });
  });

  it('replaces listed header values in Sentry-style [name, value] pairs', () => {
    const headers = [
      ['Cookie', 'sid=abc123'],
      ['Authorization', 'Token 1234'],
      ['Accept', 'application/json'],
    ];
    expect(redactValue({ headers }).value).toEqual({
      headers: [
        ['Cookie', REDACTED],
        ['Authorization', REDACTED],
        ['Accept', 'application/json'],
      ],
    });
  });

  it('does not mutate its input', () => {
    const input = deepFreeze({ password: 'hunter2', list: [{ email: 'a@example.com' }], when: new Date('2026-01-01T00:00:00Z') });
    const copy = structuredClone(input);
    const { value } = redactValue(input);
    expect(input).toEqual(copy);
    expect(value).toEqual({ password: REDACTED, list: [{ email: '[email]' }], when: '2026-01-01T00:00:00.000Z' });
  });

  it('never puts the replaced values in the counts', () => {
    const { counts } = redactValue({ password: 'hunter2-secret', note: 'mail jane@example.com' });
    expect(JSON.stringify(counts)).not.toMatch(/hunter2|jane/);
  });

  it('replaces cycles with [circular] and keeps shared, acyclic references', () => {
    const shared = { city: 'Leeds' };
    const input: Record<string, unknown> = { a: shared, b: shared, list: [] as unknown[] };
    input.self = input;
    (input.list as unknown[]).push(input, { back: input.list });
    const { value, counts } = redactValue(input);
    expect(value).toEqual({
      a: { city: 'Leeds' },
      b: { city: 'Leeds' },
      list: ['[circular]', { back: '[circular]' }],
      self: '[circular]',
    });
    expect(counts).toEqual({ circular: 3 });
  });

  it(`replaces objects nested deeper than ${DEFAULT_MAX_DEPTH} levels with [depth]`, () => {
    let input: unknown = { leaf: 'jane@example.com' };
    for (let i = 0; i < 100; i++) input = { child: input };
    const { value, counts } = redactValue(input);
    let node = value as Record<string, unknown>;
    let levels = 0;
    while (typeof node.child === 'object') {
      node = node.child as Record<string, unknown>;
      levels++;
    }
    expect(levels).toBe(DEFAULT_MAX_DEPTH - 1);
    expect(node.child).toBe('[depth]');
    expect(counts).toEqual({ depth: 1 });
    expect(redactValue({ a: { b: { c: 1 } } }, { maxDepth: 2 }).value).toEqual({ a: { b: '[depth]' } });
  });

  it('survives a very deep array without overflowing the stack', () => {
    let input: unknown = ['x'];
    for (let i = 0; i < 100_000; i++) input = [input];
    expect(() => redactValue(input)).not.toThrow();
  });

  it('uses the given field names instead of the defaults', () => {
    const { value, counts } = redactValue({ name: 'sentry.javascript.node', Patient_Ref: 'P-1', nested: { 'patient-ref': 'P-2' } }, { fieldNames: ['patientRef'] });
    expect(value).toEqual({ name: 'sentry.javascript.node', Patient_Ref: REDACTED, nested: { 'patient-ref': REDACTED } });
    expect(counts).toEqual({ 'field:patientref': 2 });
  });

  it('leaves null and undefined field values as they are', () => {
    expect(redactValue({ password: null, token: undefined }).value).toEqual({ password: null, token: undefined });
  });

  it('keeps a __proto__ key as data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "jane@example.com"}, "ok": 1}') as Record<string, unknown>;
    const value = redactValue(input).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(value.__proto__).toEqual({ polluted: '[email]' });
  });

  it('passes primitives through and scrubs a lone string', () => {
    expect(redactValue(42).value).toBe(42);
    expect(redactValue(undefined).value).toBeUndefined();
    expect(redactValue('AKIAIOSFODNN7EXAMPLE')).toEqual({ value: '[api-key]', counts: { 'api-key': 1 } });
  });
});

describe('normaliseFieldName', () => {
  it.each([
    ['First_Name', 'firstname'],
    ['date-of-birth', 'dateofbirth'],
    ['Authorization', 'authorization'],
    ['Set Cookie', 'setcookie'],
    ['refreshToken', 'refreshtoken'],
  ])('normalises %s to %s', (name, expected) => {
    expect(normaliseFieldName(name)).toBe(expected);
  });
});
