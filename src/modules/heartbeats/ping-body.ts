import { redactText } from '../../platform/redact/index.ts';
import type { HeartbeatConfig } from './schedule.ts';
import type { PingKind } from './schema.ts';

export interface PingBody {
  /** The first `limit` bytes as text (credentials and personal data redacted), or null when empty. */
  text: string | null;
  /** The first `limit` bytes as received, for keyword filters. */
  raw: string;
  /** The size of the whole body. */
  bytes: number;
}

export function readPingBody(body: Buffer | null, limit: number): PingBody {
  if (!body || body.length === 0 || limit === 0) return { text: null, raw: '', bytes: body?.length ?? 0 };
  let cut = Math.min(limit, body.length);
  // Never keep half a character: back off to the start of a UTF-8 sequence the limit splits.
  if (cut < body.length) while (cut > 0 && (body[cut] & 0xc0) === 0x80) cut--;
  // PostgreSQL text cannot hold NUL.
  const raw = body.subarray(0, cut).toString('utf8').replaceAll('\0', '\uFFFD');
  return { text: redactText(raw).text, raw, bytes: body.length };
}

/**
 * Keyword filters classify a plain ping by its body, failure words first (like Healthchecks):
 * a body matching no keyword is recorded as `ignored` and changes nothing.
 */
export function classifyPing(raw: string, filters: HeartbeatConfig['filters']): PingKind {
  if (!filters) return 'success';
  const text = raw.toLowerCase();
  const has = (words: string[]) => words.some((w) => text.includes(w));
  if (has(filters.failure)) return 'fail';
  if (has(filters.success)) return 'success';
  if (has(filters.start)) return 'start';
  return 'ignored';
}
