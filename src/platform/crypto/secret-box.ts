import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { AppError } from '../errors.ts';
import { SECRET_UNREADABLE } from './error-codes.ts';
import { keyIdOf, SECRET_KEY_BYTES } from './key-id.ts';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export interface SecretKeyring {
  current: Buffer;
  previous?: readonly Buffer[];
}

interface ParsedBox {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * AES-256-GCM for secrets at rest: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 * `v1.<keyId>` is the additional authenticated data, so a box cannot be relabelled to another key.
 */
export class SecretBox {
  readonly currentKeyId: string;
  readonly #keys = new Map<string, KeyObject>();

  constructor(keyring: SecretKeyring) {
    this.currentKeyId = this.#add(keyring.current);
    for (const key of keyring.previous ?? []) this.#add(key);
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#keys.get(this.currentKeyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(this.currentKeyId));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
    return [VERSION, this.currentKeyId, ...parts].join('.');
  }

  decrypt(box: string): string {
    const { keyId, iv, tag, ciphertext } = parse(box);
    const key = this.#keys.get(keyId);
    if (!key) throw unreadable(`secret was encrypted with key ${keyId}, which is not in the keyring`, keyId);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(keyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (err) {
      throw unreadable(`secret failed authentication with key ${keyId}: it was altered or encrypted with another key`, keyId, err);
    }
  }

  /** True when the box was encrypted with a key other than the current one. */
  needsRotation(box: string): boolean {
    return parse(box).keyId !== this.currentKeyId;
  }

  /** Decrypts and encrypts again under the current key; a box already under it comes back unchanged. */
  reencrypt(box: string): string {
    const plain = this.decrypt(box);
    return this.needsRotation(box) ? this.encrypt(plain) : box;
  }

  #add(key: Buffer): string {
    if (key.length !== SECRET_KEY_BYTES) {
      throw new AppError('CONFIG_INVALID', `secret keys must be ${SECRET_KEY_BYTES} bytes long`);
    }
    const keyId = keyIdOf(key);
    if (!this.#keys.has(keyId)) this.#keys.set(keyId, createSecretKey(Buffer.from(key)));
    return keyId;
  }
}

function aad(keyId: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}`, 'utf8');
}

function parse(box: string): ParsedBox {
  const parts = typeof box === 'string' ? box.split('.') : [];
  if (parts.length !== 5 || parts[0] !== VERSION || !/^[0-9a-f]{8}$/.test(parts[1])) {
    throw unreadable('value is not a v1 secret box');
  }
  const [iv, tag, ciphertext] = parts.slice(2).map(decodeCanonical);
  if (!iv || !tag || !ciphertext || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw unreadable('secret box is malformed', parts[1]);
  }
  return { keyId: parts[1], iv, tag, ciphertext };
}

// Base64 decoding ignores stray trailing bits; re-encoding rejects boxes that differ only in those.
function decodeCanonical(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

function unreadable(message: string, keyId?: string, cause?: unknown): AppError {
  return new AppError(SECRET_UNREADABLE, message, { details: keyId ? { keyId } : undefined, cause });
}
