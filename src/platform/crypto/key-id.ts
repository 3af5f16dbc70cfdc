import { createHash } from 'node:crypto';

export const SECRET_KEY_BYTES = 32;

/** A key's public fingerprint: the first 8 hex characters of its SHA-256. */
export function keyIdOf(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Decodes a 32-byte key written as hex, base64 or base64url; undefined when it is anything else. */
export function decodeSecretKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!BASE64_KEY.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return key.length === SECRET_KEY_BYTES ? key : undefined;
}
