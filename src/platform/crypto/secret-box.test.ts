import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError, errorCatalogue } from '../errors.ts';
import { keyIdOf } from './key-id.ts';
import { SecretBox } from './secret-box.ts';

const PLAIN = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return undefined;
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

/** Changes one character of a base64url part to another, so the decoded bytes differ. */
function alter(part: string, at = 0): string {
  const c = part[at];
  return part.slice(0, at) + (c === 'A' ? 'B' : 'A') + part.slice(at + 1);
}

function withPart(box: string, index: number, change: (part: string) => string): string {
  const parts = box.split('.');
  parts[index] = change(parts[index]);
  return parts.join('.');
}

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox({ current: key });

  it('round-trips strings, including empty and non-ASCII ones', () => {
    for (const plain of [PLAIN, '', 'pässwörd 🔑', 'x'.repeat(10_000)]) {
      expect(box.decrypt(box.encrypt(plain))).toBe(plain);
    }
  });

  it('writes v1.<keyId>.<iv>.<tag>.<ciphertext> with the key id from SHA-256 of the key', () => {
    const parts = box.encrypt(PLAIN).split('.');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('v1');
    expect(parts[1]).toBe(keyIdOf(key));
    expect(parts[1]).toMatch(/^[0-9a-f]{8}$/);
    expect(Buffer.from(parts[2], 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[3], 'base64url')).toHaveLength(16);
    expect(box.encrypt(PLAIN)).not.toContain(PLAIN);
  });

  it('gives two different boxes for the same plaintext', () => {
    const a = box.encrypt(PLAIN);
    const b = box.encrypt(PLAIN);
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it.each([
    ['the iv', 2],
    ['the tag', 3],
    ['the ciphertext', 4],
  ])('rejects a box whose %s was altered', (_what, index) => {
    const sealed = box.encrypt(PLAIN);
    expect(codeOf(() => box.decrypt(withPart(sealed, index, (p) => alter(p))))).toBe('SECRET_UNREADABLE');
    expect(codeOf(() => box.decrypt(withPart(sealed, index, (p) => alter(p, p.length - 1))))).toBe('SECRET_UNREADABLE');
  });

  it('rejects a box whose base64 differs only in unused trailing bits', () => {
    const sealed = box.encrypt(PLAIN);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const flipLowBit = (part: string) => part.slice(0, -1) + alphabet[alphabet.indexOf(part.at(-1)!) ^ 1];
    const tampered = withPart(sealed, 3, flipLowBit);
    expect(Buffer.from(tampered.split('.')[3], 'base64url').equals(Buffer.from(sealed.split('.')[3], 'base64url'))).toBe(true);
    expect(codeOf(() => box.decrypt(tampered))).toBe('SECRET_UNREADABLE');
  });

  it('rejects a box relabelled with an unknown key id', () => {
    const sealed = withPart(box.encrypt(PLAIN), 1, () => '00000000');
    expect(codeOf(() => box.decrypt(sealed))).toBe('SECRET_UNREADABLE');
  });

  it('rejects a box relabelled with the id of another key in the keyring', () => {
    const other = randomBytes(32);
    const ring = new SecretBox({ current: key, previous: [other] });
    const sealed = withPart(ring.encrypt(PLAIN), 1, () => keyIdOf(other));
    expect(codeOf(() => ring.decrypt(sealed))).toBe('SECRET_UNREADABLE');
  });

  it('rejects malformed boxes', () => {
    const sealed = box.encrypt(PLAIN);
    const malformed = [
      '',
      PLAIN,
      sealed.replace(/^v1/, 'v2'),
      sealed.split('.').slice(0, 4).join('.'),
      `${sealed}.extra`,
      withPart(sealed, 3, (p) => p.slice(2)),
      withPart(sealed, 4, (p) => `${p}=`),
    ];
    for (const value of malformed) expect(codeOf(() => box.decrypt(value))).toBe('SECRET_UNREADABLE');
  });

  it('rejects a box sealed under a key it does not hold', () => {
    const stranger = new SecretBox({ current: randomBytes(32) });
    expect(codeOf(() => box.decrypt(stranger.encrypt(PLAIN)))).toBe('SECRET_UNREADABLE');
  });

  it('keeps plaintext and key material out of error messages', () => {
    const sealed = box.encrypt(PLAIN);
    const err = errorOf(() => box.decrypt(withPart(sealed, 4, (p) => alter(p))));
    const text = `${err.message} ${JSON.stringify(err.details)} ${String(err.cause)}`;
    expect(text).not.toContain(PLAIN);
    expect(text).not.toContain(key.toString('base64'));
    expect(text).not.toContain(key.toString('hex'));
  });

  it('registers SECRET_UNREADABLE in the error catalogue as a 500 with exit code 1', () => {
    expect(errorCatalogue().SECRET_UNREADABLE).toMatchObject({ status: 500, exit: 1 });
  });

  it('decrypts with a previous key after rotation and re-encrypts under the current key', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = new SecretBox({ current: oldKey });
    const sealed = before.encrypt(PLAIN);
    expect(before.needsRotation(sealed)).toBe(false);

    const after = new SecretBox({ current: newKey, previous: [oldKey] });
    expect(after.decrypt(sealed)).toBe(PLAIN);
    expect(after.needsRotation(sealed)).toBe(true);

    const moved = after.reencrypt(sealed);
    expect(moved.split('.')[1]).toBe(keyIdOf(newKey));
    expect(after.needsRotation(moved)).toBe(false);
    expect(after.decrypt(moved)).toBe(PLAIN);
    expect(after.reencrypt(moved)).toBe(moved);
    expect(codeOf(() => before.decrypt(moved))).toBe('SECRET_UNREADABLE');
    expect(new SecretBox({ current: newKey }).decrypt(moved)).toBe(PLAIN);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(codeOf(() => new SecretBox({ current: randomBytes(16) }))).toBe('CONFIG_INVALID');
    expect(codeOf(() => new SecretBox({ current: key, previous: [randomBytes(31)] }))).toBe('CONFIG_INVALID');
  });
});
