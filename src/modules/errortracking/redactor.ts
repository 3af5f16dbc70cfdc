import { normaliseFieldName, REDACTED, redactText, type RedactionCounts } from '../../platform/redact/index.ts';

const BEARER = /bearer|basic/i;
const API_KEY_PREFIX = /sk[_-]|rk_|gh[pousr]_|github_pat|xox[abpr]-|AKIA|ASIA|glpat-|cst_/;
const CREDENTIAL_PARAMETER = /(?:key|token|secret|passwd|password)=/i;

/**
 * True for every string a platform detector could match (e-mail, JWT, bearer, API key shapes,
 * credential parameters, NINO, card, long hex) and for few others, in one pass over the
 * characters: strings that fail it skip the detectors. An event holds hundreds of strings.
 */
export function mayHoldPersonalData(s: string): boolean {
  let digits = 0;
  let hex = 0;
  let separated = false;
  let equals = false;
  let joiner = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 64) return true;
    const digit = c >= 48 && c <= 57;
    hex = digit || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) ? hex + 1 : 0;
    if (hex >= 32) return true;
    if (digit) {
      if (++digits >= 4) return true;
      separated = false;
    } else if ((c === 32 || c === 45) && digits > 0 && !separated) {
      separated = true;
    } else {
      digits = 0;
      separated = false;
    }
    if (c === 61) equals = true;
    else if (c === 95 || c === 45) joiner = true;
  }
  if (s.includes('%40') || s.includes('eyJ') || BEARER.test(s)) return true;
  return (joiner || s.includes('AKIA') || s.includes('ASIA')) && API_KEY_PREFIX.test(s) ? true : equals && CREDENTIAL_PARAMETER.test(s);
}

const SHORTEST = 6;
const MAX_DEPTH = 32;
/** Identifiers that look like long hex strings but tie events to traces, replays and profiles. */
const ID_KEYS = new Set(['trace_id', 'span_id', 'parent_span_id', 'replay_id', 'profile_id', 'segment_id', 'event_id', 'debug_id']);

/**
 * The platform's redaction (same detectors, same field rule, same counts) tuned for events:
 * a cheap pre-check per string, field names normalised once, trace identifiers kept.
 */
export class Redactor {
  readonly #fields: ReadonlySet<string>;
  readonly #keys = new Map<string, string | null>();

  constructor(fieldNames: readonly string[]) {
    this.#fields = new Set(fieldNames.map(normaliseFieldName));
  }

  text(value: string, counts: RedactionCounts): string {
    if (value.length < SHORTEST || !mayHoldPersonalData(value)) return value;
    const r = redactText(value);
    for (const name in r.counts) counts[name] = (counts[name] ?? 0) + r.counts[name];
    return r.text;
  }

  /** A copy of `value` with listed fields replaced and detected values redacted. */
  value(value: unknown, counts: RedactionCounts, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value, counts);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_DEPTH) {
      counts.depth = (counts.depth ?? 0) + 1;
      return '[depth]';
    }
    if (Array.isArray(value)) {
      // Sentry sends headers as [name, value] pairs: ["Cookie", "session=…"].
      if (value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
        const field = this.#field(value[0]);
        if (field) {
          counts[`field:${field}`] = (counts[`field:${field}`] ?? 0) + 1;
          return [this.text(value[0], counts), REDACTED];
        }
      }
      return value.map((item) => this.value(item, counts, depth + 1));
    }
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      const field = this.#field(key);
      if (field && item !== null && item !== undefined) {
        counts[`field:${field}`] = (counts[`field:${field}`] ?? 0) + 1;
        entries.push([this.text(key, counts), REDACTED]);
      } else if (typeof item === 'string' && ID_KEYS.has(key)) {
        entries.push([key, item]);
      } else {
        entries.push([this.text(key, counts), this.value(item, counts, depth + 1)]);
      }
    }
    // fromEntries defines properties, so a `__proto__` key stays data and never becomes the prototype.
    return Object.fromEntries(entries);
  }

  #field(key: string): string | null {
    let hit = this.#keys.get(key);
    if (hit === undefined) {
      const name = normaliseFieldName(key);
      hit = this.#fields.has(name) ? name : null;
      if (this.#keys.size > 5_000) this.#keys.clear();
      this.#keys.set(key, hit);
    }
    return hit;
  }
}
