import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { HookRequest, ParseResult, Rejection } from './types.ts';

const MAX_KEY = 255;
const Url = z.url().max(2000);

export function rejection(status: Rejection['status'], code: string, message: string, errors: string[] = [message]): Rejection {
  return { status, code, message, errors };
}

/** A payload that decoded but is not what the sender's format says; every problem is listed. */
export function invalidPayload(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, what: string): ParseResult {
  const errors = issues.map((i) => (i.path.length ? `'${i.path.map(String).join('.')}' ${i.message}` : i.message));
  return { ok: false, rejection: rejection(400, 'HOOK_PAYLOAD_INVALID', `The body is not ${what}`, errors) };
}

export function header(request: HookRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Epoch ms of an RFC 3339 time; undefined for missing, unparsable or Go's zero time (0001-01-01). */
export function timeOf(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

export function urlOf(text: unknown): string | undefined {
  const parsed = Url.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

/** `prefix:part:part`, or `prefix:sha256:<hex>` when that would pass the alerts' 255-character limit. */
export function dedupKeyOf(prefix: string, ...parts: string[]): string {
  const plain = [prefix, ...parts].join(':');
  if (plain.length <= MAX_KEY) return plain;
  return `${prefix}:sha256:${createHash('sha256').update(parts.join('\u0000')).digest('hex')}`;
}

/** Compares digests of both sides, so neither the length nor the content leaks through timing. */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function hmacSha256Hex(secret: string, body: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** `sha256=<hex>` (GitHub, Gitea, many others) or bare hex, checked in constant time. */
export function signatureHolds(secret: string, body: Buffer, signature: string | undefined): boolean {
  if (!signature) return false;
  const given = signature.trim().replace(/^sha256=/i, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(given) && constantTimeEqual(given, hmacSha256Hex(secret, body));
}

export const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
