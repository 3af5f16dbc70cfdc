import { createHmac } from 'node:crypto';
import { DEFAULT_REDACTED_FIELDS, type RedactionCounts } from '../../platform/redact/index.ts';
import { Redactor } from './redactor.ts';

/** Field names whose whole value goes, besides the platform defaults (compared without case, `_`, `-`, spaces). */
const EVENT_FIELDS = [
  'email', 'emailaddress', 'surname', 'givenname', 'birthday', 'dateofbirth', 'passport', 'phone', 'phonenumber', 'mobile',
  'nationalinsurancenumber', 'ninumber', 'passwords', 'tokens', 'cookies', 'csrftoken', 'xcsrftoken', 'xapikey', 'xauthtoken',
  'proxyauthorization', 'credentials', 'privatekey', 'ipaddress', 'remoteaddr', 'xforwardedfor', 'xrealip',
];
const DEFAULT_FIELDS = [...DEFAULT_REDACTED_FIELDS, ...EVENT_FIELDS];

/** Contexts the SDKs define (os, runtime, …): their `name` is a product, not a person; values are still scanned. */
const SDK_CONTEXTS = new Set(['os', 'browser', 'runtime', 'device', 'app', 'gpu', 'culture', 'cloud_resource', 'trace', 'otel', 'response', 'state', 'profile', 'replay', 'react', 'flags', 'missing_instrumentation', 'node', 'cloudflare']);

export interface ScrubResult {
  event: Record<string, unknown>;
  counts: RedactionCounts;
  /** A salted pseudonym of the user (id, e-mail, username or IP), taken before scrubbing, or null. */
  userHash: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

interface Redactors {
  all: Redactor;
  /** For SDK contexts: every field but `name`. */
  sdk: Redactor;
}

const redactors = new Map<string, Redactors>();

function redactorsFor(extraFields: readonly string[]): Redactors {
  const id = extraFields.join('\0');
  let r = redactors.get(id);
  if (!r) {
    const fields = [...DEFAULT_FIELDS, ...extraFields];
    r = { all: new Redactor(fields), sdk: new Redactor(fields.filter((f) => f !== 'name')) };
    if (redactors.size > 1_000) redactors.clear();
    redactors.set(id, r);
  }
  return r;
}

const pseudonyms = new Map<string, string>();

export function userPseudonym(user: unknown, salt: string): string | null {
  if (!isObject(user)) return null;
  const pick = (['id', 'email', 'username', 'ip_address'] as const).find((k) => (typeof user[k] === 'string' && user[k] !== '' && user[k] !== '{{auto}}') || typeof user[k] === 'number');
  if (!pick) return null;
  const id = `${salt}\0${pick}:${String(user[pick])}`;
  let hash = pseudonyms.get(id);
  if (hash === undefined) {
    hash = `u_${createHmac('sha256', salt).update(`${pick}:${String(user[pick])}`).digest('base64url').slice(0, 22)}`;
    if (pseudonyms.size >= 10_000) pseudonyms.clear();
    pseudonyms.set(id, hash);
  }
  return hash;
}

/**
 * Removes personal data and credentials from an event before it is stored: `user.email` and
 * `user.ip_address`; listed fields and detected values (e-mails, NINOs, card numbers, tokens, …)
 * in user, extra, contexts, tags, breadcrumbs, request, messages, exception values, frame
 * variables and source lines, and span descriptions. Returns counts per rule, never the values.
 */
export function scrubEvent(event: Json, options: { extraFields: readonly string[]; salt: string }): ScrubResult {
  const counts: RedactionCounts = {};
  const r = redactorsFor(options.extraFields);
  const text = (value: unknown) => (typeof value === 'string' ? r.all.text(value, counts) : value);
  const deep = (value: unknown) => r.all.value(value, counts);
  const out: Json = { ...event };
  const userHash = userPseudonym(event.user, options.salt);

  if (isObject(event.user)) {
    const user: Json = { ...event.user };
    for (const key of ['email', 'ip_address'] as const) {
      if (user[key] !== undefined && user[key] !== null) {
        delete user[key];
        counts[`user.${key}`] = (counts[`user.${key}`] ?? 0) + 1;
      }
    }
    out.user = deep(user);
  }
  for (const key of ['extra', 'tags', 'breadcrumbs', 'request'] as const) if (event[key] !== undefined) out[key] = deep(event[key]);
  if (isObject(event.contexts)) {
    out.contexts = Object.fromEntries(Object.entries(event.contexts).map(([name, c]) => [name, (SDK_CONTEXTS.has(name) ? r.sdk : r.all).value(c, counts, 1)]));
  }
  for (const key of ['message', 'transaction', 'culprit'] as const) if (event[key] !== undefined) out[key] = text(event[key]);
  if (isObject(event.logentry)) out.logentry = { ...event.logentry, message: text(event.logentry.message), formatted: text(event.logentry.formatted), params: deep(event.logentry.params) };
  if (isObject(event.exception) && Array.isArray(event.exception.values)) {
    out.exception = { ...event.exception, values: event.exception.values.map((v: unknown) => (isObject(v) ? scrubException(v, text, deep) : v)) };
  }
  if (Array.isArray(event.spans)) out.spans = event.spans.map((s: unknown) => (isObject(s) ? { ...s, description: text(s.description), data: deep(s.data) } : s));
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return { event: out, counts, userHash };
}

/** Frame variables, and source lines (code can hold a hard-coded address or key too). */
function scrubFrame(frame: Json, text: (v: unknown) => unknown, deep: (v: unknown) => unknown): Json {
  const out: Json = { ...frame };
  if (frame.vars !== undefined) out.vars = deep(frame.vars);
  if (typeof frame.context_line === 'string') out.context_line = text(frame.context_line);
  for (const key of ['pre_context', 'post_context'] as const) if (Array.isArray(frame[key])) out[key] = (frame[key] as unknown[]).map(text);
  return out;
}

function scrubException(value: Json, text: (v: unknown) => unknown, deep: (v: unknown) => unknown): Json {
  const out: Json = { ...value };
  if (value.value !== undefined) out.value = text(value.value);
  const stack = value.stacktrace;
  if (isObject(stack) && Array.isArray(stack.frames)) {
    out.stacktrace = { ...stack, frames: stack.frames.map((f: unknown) => (isObject(f) ? scrubFrame(f, text, deep) : f)) };
  }
  return out;
}
