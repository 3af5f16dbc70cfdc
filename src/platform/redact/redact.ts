import { DETECTORS } from './patterns.ts';

/** Detector name (`email`, `card`, …) or `field:<name>` → how many values were replaced. Never the values. */
export type RedactionCounts = Record<string, number>;

export interface RedactOptions {
  /** Keys whose whole value is replaced; compared case-insensitively with `_`, `-` and spaces ignored. Replaces the defaults. */
  fieldNames?: readonly string[];
  /** Objects nested deeper than this become `[depth]`. */
  maxDepth?: number;
}

export const DEFAULT_REDACTED_FIELDS: readonly string[] = [
  'name', 'firstname', 'lastname', 'fullname',
  'dob', 'dateofbirth', 'birthdate',
  'address', 'street', 'postcode', 'zipcode',
  'nationalid', 'nino', 'ssn',
  'password', 'passwd', 'secret', 'token', 'accesstoken', 'refreshtoken', 'apikey',
  'authorization', 'cookie', 'setcookie', 'sessionid',
  'creditcard', 'cardnumber',
];

export const REDACTED = '[redacted]';
export const DEFAULT_MAX_DEPTH = 32;

// The shortest thing any detector finds is an e-mail address like `a@b.co`.
const SHORTEST_MATCH = 6;
const SEPARATORS = /[\s_-]/g;

export function normaliseFieldName(name: string): string {
  return name.toLowerCase().replace(SEPARATORS, '');
}

const DEFAULT_FIELD_SET: ReadonlySet<string> = new Set(DEFAULT_REDACTED_FIELDS);

export function redactText(text: string): { text: string; counts: RedactionCounts } {
  const counts: RedactionCounts = {};
  return { text: scrub(text, counts), counts };
}

/**
 * Deep-copies a JSON-like value with detected personal data and credentials replaced in every
 * string (keys included), and the whole value of every listed field replaced. The input is untouched.
 */
export function redactValue(value: unknown, options: RedactOptions = {}): { value: unknown; counts: RedactionCounts } {
  const walk: Walk = {
    fields: options.fieldNames ? new Set(options.fieldNames.map(normaliseFieldName)) : DEFAULT_FIELD_SET,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    counts: {},
    ancestors: new Set(),
  };
  return { value: redactNode(value, 0, walk), counts: walk.counts };
}

interface Walk {
  fields: ReadonlySet<string>;
  maxDepth: number;
  counts: RedactionCounts;
  ancestors: Set<object>;
}

function scrub(text: string, counts: RedactionCounts): string {
  if (text.length < SHORTEST_MATCH) return text;
  let out = text;
  for (const detector of DETECTORS) {
    if (detector.mayMatch && !detector.mayMatch(out)) continue;
    out = out.replace(detector.pattern, (match: string, ...groups: string[]) => {
      if (detector.accept && !detector.accept(match)) return match;
      bump(counts, detector.name);
      return detector.replace ? detector.replace(match, ...groups) : detector.placeholder;
    });
  }
  return out;
}

function redactNode(value: unknown, depth: number, walk: Walk): unknown {
  if (typeof value === 'string') return scrub(value, walk.counts);
  if (value === null || typeof value !== 'object') return value;
  if (walk.ancestors.has(value)) {
    bump(walk.counts, 'circular');
    return '[circular]';
  }
  if (depth >= walk.maxDepth) {
    bump(walk.counts, 'depth');
    return '[depth]';
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return redactNode(toJSON.call(value), depth, walk);

  walk.ancestors.add(value);
  try {
    return Array.isArray(value) ? redactArray(value, depth, walk) : redactObject(value as Record<string, unknown>, depth, walk);
  } finally {
    walk.ancestors.delete(value);
  }
}

function redactArray(items: unknown[], depth: number, walk: Walk): unknown[] {
  // Sentry sends headers as [name, value] pairs: ["Cookie", "session=…"].
  if (items.length === 2 && typeof items[0] === 'string' && typeof items[1] === 'string') {
    const field = listedField(items[0], walk);
    if (field) {
      bump(walk.counts, `field:${field}`);
      return [scrub(items[0], walk.counts), REDACTED];
    }
  }
  return items.map((item) => redactNode(item, depth + 1, walk));
}

function redactObject(object: Record<string, unknown>, depth: number, walk: Walk): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(object)) {
    const value = object[key];
    const field = listedField(key, walk);
    if (field && value !== null && value !== undefined) {
      bump(walk.counts, `field:${field}`);
      entries.push([scrub(key, walk.counts), REDACTED]);
    } else {
      entries.push([scrub(key, walk.counts), redactNode(value, depth + 1, walk)]);
    }
  }
  // fromEntries defines properties, so a `__proto__` key stays data and never becomes the prototype.
  return Object.fromEntries(entries);
}

function listedField(key: string, walk: Walk): string | undefined {
  const name = normaliseFieldName(key);
  return walk.fields.has(name) ? name : undefined;
}

function bump(counts: RedactionCounts, name: string): void {
  counts[name] = (counts[name] ?? 0) + 1;
}
