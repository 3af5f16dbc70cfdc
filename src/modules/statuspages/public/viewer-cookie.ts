import { createHmac, timingSafeEqual } from 'node:crypto';

export const VIEWER_COOKIE_DAYS = 30;

export const viewerCookieName = (pageId: string) => `custos_status_${pageId.replace(/-/g, '')}`;

const sign = (secret: string, pageId: string, expiresAt: number) => createHmac('sha256', secret).update(`${pageId}.${expiresAt}`).digest('base64url');

/** `<expiresAt>.<HMAC-SHA256(page secret, pageId.expiresAt)>`: no server-side session to store. */
export function viewerCookieValue(secret: string, pageId: string, now: number): { value: string; expiresAt: number } {
  const expiresAt = now + VIEWER_COOKIE_DAYS * 86_400_000;
  return { value: `${expiresAt}.${sign(secret, pageId, expiresAt)}`, expiresAt };
}

export function viewerCookieValid(value: string | undefined, secret: string, pageId: string, now: number): boolean {
  if (!value) return false;
  const dot = value.indexOf('.');
  const expiresAt = Number(value.slice(0, dot));
  if (dot < 1 || !Number.isSafeInteger(expiresAt) || expiresAt <= now) return false;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(secret, pageId, expiresAt));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One cookie's value from a Cookie header, without parsing the rest. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Failed password attempts per page and client address in a sliding window; in memory, since a
 * restart forgetting them only grants a few more slow (scrypt) guesses.
 */
export class UnlockThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #max: number;
  readonly #windowMs: number;

  constructor(max = 10, windowMs = 5 * 60_000) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  allowed(key: string, now: number): boolean {
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > now - this.#windowMs);
    if (recent.length) this.#failures.set(key, recent);
    else this.#failures.delete(key);
    return recent.length < this.#max;
  }

  fail(key: string, now: number): void {
    if (this.#failures.size > 10_000) this.#failures.clear();
    this.#failures.set(key, [...(this.#failures.get(key) ?? []), now]);
  }
}
