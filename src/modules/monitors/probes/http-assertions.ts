import type { IncomingHttpHeaders } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { compilesAsRegex } from './common-settings.ts';
import type { ProbeErrorCode } from './error-codes.ts';
import { isValidJsonPath, parseJsonPath, readJsonPath } from './json-path.ts';

export const StatusMatcher = z.union([
  z.int().min(100).max(599),
  z
    .string()
    .regex(/^(\d{3}(-\d{3})?|[1-5]xx)$/, 'expected a status code, a range such as "200-299", or a class such as "2xx"')
    .refine((s) => !s.includes('-') || Number(s.slice(0, 3)) <= Number(s.slice(4)), 'the range starts after it ends'),
]);
export type StatusMatcher = z.infer<typeof StatusMatcher>;

export const HeaderAssertion = z
  .object({
    name: z.string().min(1),
    operator: z.enum(['equals', 'contains', 'matches', 'exists', 'absent']),
    value: z.string().optional(),
  })
  .refine((a) => a.operator === 'exists' || a.operator === 'absent' || a.value !== undefined, { message: 'required for this operator', path: ['value'] })
  .refine((a) => a.operator !== 'matches' || compilesAsRegex(a.value ?? ''), { message: 'not a valid regular expression', path: ['value'] });
export type HeaderAssertion = z.infer<typeof HeaderAssertion>;

export const JsonAssertion = z
  .object({
    path: z.string().refine(isValidJsonPath, 'expected a path such as a.b[0].c'),
    operator: z.enum(['==', '!=', '<', '>', 'contains', 'exists']),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  })
  .refine((a) => a.operator === 'exists' || a.value !== undefined, { message: 'required for this operator', path: ['value'] })
  .refine((a) => (a.operator !== '<' && a.operator !== '>') || Number.isFinite(toNumber(a.value)), { message: 'expected a number', path: ['value'] });
export type JsonAssertion = z.infer<typeof JsonAssertion>;

export interface AssertionFailure {
  code: ProbeErrorCode;
  message: string;
  details: Record<string, unknown>;
}

const EXCERPT = 200;
const excerpt = (value: unknown): unknown => (typeof value === 'string' && value.length > EXCERPT ? `${value.slice(0, EXCERPT)}…` : value);

export function statusMatches(status: number, matchers: StatusMatcher[]): boolean {
  return matchers.some((m) => {
    if (typeof m === 'number') return status === m;
    if (m.endsWith('xx')) return Math.floor(status / 100) === Number(m[0]);
    const [low, high = low] = m.split('-').map(Number);
    return status >= low && status <= high;
  });
}

export function checkStatus(status: number, matchers: StatusMatcher[]): AssertionFailure | undefined {
  if (statusMatches(status, matchers)) return undefined;
  return { code: 'STATUS_MISMATCH', message: `status ${status} is not one of ${matchers.join(', ')}`, details: { status, expected: matchers } };
}

export function checkHeaders(headers: IncomingHttpHeaders, assertions: HeaderAssertion[]): AssertionFailure | undefined {
  for (const assertion of assertions) {
    const raw = headers[assertion.name.toLowerCase()];
    const actual = Array.isArray(raw) ? raw.join(', ') : raw;
    const expected = assertion.value ?? '';
    const passed =
      assertion.operator === 'absent'
        ? actual === undefined
        : actual !== undefined &&
          (assertion.operator === 'exists' ||
            (assertion.operator === 'equals' && actual === expected) ||
            (assertion.operator === 'contains' && actual.includes(expected)) ||
            (assertion.operator === 'matches' && new RegExp(expected).test(actual)));
    if (!passed) {
      return {
        code: 'HEADER_ASSERTION_FAILED',
        message: `header ${assertion.name} ${assertion.operator}${assertion.value === undefined ? '' : ` "${assertion.value}"`} failed`,
        details: { assertion, actual: excerpt(actual) ?? null },
      };
    }
  }
  return undefined;
}

export interface BodyAssertions {
  bodyContains: string[];
  bodyNotContains: string[];
  bodyMatches?: string;
}

const bodyFailure = (assertion: Record<string, string>, message: string): AssertionFailure => ({ code: 'BODY_ASSERTION_FAILED', message, details: { assertion } });

export function checkBody(body: string, assertions: BodyAssertions): AssertionFailure | undefined {
  for (const text of assertions.bodyContains) {
    if (!body.includes(text)) return bodyFailure({ contains: text }, `body does not contain "${text}"`);
  }
  for (const text of assertions.bodyNotContains) {
    if (body.includes(text)) return bodyFailure({ notContains: text }, `body contains "${text}"`);
  }
  if (assertions.bodyMatches !== undefined && !new RegExp(assertions.bodyMatches).test(body)) {
    return bodyFailure({ matches: assertions.bodyMatches }, `body does not match /${assertions.bodyMatches}/`);
  }
  return undefined;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

const scalar = (v: unknown) => typeof v === 'number' || typeof v === 'boolean';

/** Loose across scalar types ("200" == 200, "true" == true) because JSON APIs disagree on quoting. */
function jsonEquals(actual: unknown, expected: unknown): boolean {
  if ((typeof actual === 'string' && scalar(expected)) || (scalar(actual) && typeof expected === 'string')) return String(actual) === String(expected);
  return isDeepStrictEqual(actual, expected);
}

function jsonHolds(operator: JsonAssertion['operator'], actual: unknown, expected: unknown): boolean {
  switch (operator) {
    case 'exists':
      return true;
    case '==':
      return jsonEquals(actual, expected);
    case '!=':
      return !jsonEquals(actual, expected);
    case '<':
    case '>': {
      const a = toNumber(actual);
      const b = toNumber(expected);
      return Number.isFinite(a) && Number.isFinite(b) && (operator === '<' ? a < b : a > b);
    }
    case 'contains':
      if (typeof actual === 'string') return actual.includes(String(expected));
      return Array.isArray(actual) && actual.some((item) => jsonEquals(item, expected));
  }
}

export function checkJson(body: string, truncated: boolean, assertions: JsonAssertion[]): AssertionFailure | undefined {
  if (assertions.length === 0) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    const why = truncated ? 'the body was cut at the read limit and is not valid JSON' : 'the body is not valid JSON';
    return { code: 'JSON_ASSERTION_FAILED', message: why, details: { truncated } };
  }
  for (const assertion of assertions) {
    const { found, value } = readJsonPath(document, parseJsonPath(assertion.path));
    if (!found || !jsonHolds(assertion.operator, value, assertion.value)) {
      const shown = found ? JSON.stringify(value) : undefined;
      return {
        code: 'JSON_ASSERTION_FAILED',
        message: found
          ? `${assertion.path} ${assertion.operator} ${JSON.stringify(assertion.value)} failed (actual ${excerpt(shown)})`
          : `${assertion.path} not found`,
        details: { assertion, found, actual: found ? excerpt(shown) : null },
      };
    }
  }
  return undefined;
}
