import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { keyIdOf } from './key-id.ts';
import { loadSecretKeys, rotateSecretKeyFile } from './key-file.ts';
import { SecretBox } from './secret-box.ts';

const posix = process.platform !== 'win32';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return undefined;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('loadSecretKeys', () => {
  let root: string;
  let dataDir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'custos-keys-'));
    dataDir = join(root, 'data', 'nested');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a 0600 key file with 32 random bytes on first use, and reuses it', () => {
    const first = loadSecretKeys({ dataDir });
    const path = join(dataDir, 'secret.key');
    expect(first.current).toHaveLength(32);
    expect(first.previous).toEqual([]);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(first.current)).toBe(true);
    if (posix) expect(modeOf(path)).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual(['secret.key']);

    const second = loadSecretKeys({ dataDir });
    expect(second.current.equals(first.current)).toBe(true);
  });

  it.skipIf(!posix)('refuses a key file that group or others can read', () => {
    loadSecretKeys({ dataDir });
    const path = join(dataDir, 'secret.key');
    for (const mode of [0o644, 0o640, 0o604, 0o620]) {
      chmodSync(path, mode);
      expect(codeOf(() => loadSecretKeys({ dataDir }))).toBe('SECRET_KEY_FILE_INSECURE');
    }
    chmodSync(path, 0o600);
    expect(codeOf(() => loadSecretKeys({ dataDir }))).toBeUndefined();
  });

  it.skipIf(!posix)('names chmod 600 in the insecure-file error, which exits like a config error', () => {
    loadSecretKeys({ dataDir });
    chmodSync(join(dataDir, 'secret.key'), 0o644);
    expect(() => loadSecretKeys({ dataDir })).toThrow(/chmod 600/);
    expect(() => loadSecretKeys({ dataDir })).toThrow(expect.objectContaining({ code: 'SECRET_KEY_FILE_INSECURE', status: 500, exitCode: 78 }));
  });

  it('refuses a key file that does not hold a 32-byte key', () => {
    loadSecretKeys({ dataDir });
    writeFileSync(join(dataDir, 'secret.key'), 'not a key\n', { mode: 0o600 });
    expect(codeOf(() => loadSecretKeys({ dataDir }))).toBe('CONFIG_INVALID');
  });

  it.each([
    ['base64', (key: Buffer) => key.toString('base64')],
    ['base64url', (key: Buffer) => key.toString('base64url')],
    ['hex', (key: Buffer) => key.toString('hex')],
    ['upper-case hex with spaces around', (key: Buffer) => ` ${key.toString('hex').toUpperCase()}\n`],
  ])('accepts CUSTOS_SECRET_KEY as %s and writes no key file', (_encoding, encode) => {
    const key = randomBytes(32);
    const keys = loadSecretKeys({ secretKey: encode(key), dataDir });
    expect(keys.current.equals(key)).toBe(true);
    expect(() => statSync(join(dataDir, 'secret.key'))).toThrow();
  });

  it.each([
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['33 bytes of base64', randomBytes(33).toString('base64')],
    ['31 bytes of hex', randomBytes(31).toString('hex')],
    ['a passphrase', 'correct horse battery staple, at least 32 chars'],
    ['empty', ''],
  ])('rejects CUSTOS_SECRET_KEY given as %s with CONFIG_INVALID', (_what, secretKey) => {
    const err = (() => {
      try {
        loadSecretKeys({ secretKey, dataDir });
      } catch (e) {
        return e as AppError;
      }
      throw new Error('expected an error');
    })();
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toMatch(/^CUSTOS_SECRET_KEY must/);
    expect(err.message).not.toContain(secretKey || '\u0000');
  });

  it('rotates: the old key moves to the previous file, boxes under it still open and re-encrypt', () => {
    const before = loadSecretKeys({ dataDir });
    const sealed = new SecretBox(before).encrypt('xoxb-slack-credential');

    const { newKeyId, oldKeyId } = rotateSecretKeyFile(dataDir);
    expect(oldKeyId).toBe(keyIdOf(before.current));
    expect(newKeyId).not.toBe(oldKeyId);

    const after = loadSecretKeys({ dataDir });
    expect(keyIdOf(after.current)).toBe(newKeyId);
    expect(after.previous.map(keyIdOf)).toEqual([oldKeyId]);
    if (posix) {
      expect(modeOf(join(dataDir, 'secret.key'))).toBe(0o600);
      expect(modeOf(join(dataDir, 'secret.key.previous'))).toBe(0o600);
    }
    expect(readdirSync(dataDir).sort()).toEqual(['secret.key', 'secret.key.previous']);

    const box = new SecretBox(after);
    expect(box.needsRotation(sealed)).toBe(true);
    expect(box.decrypt(sealed)).toBe('xoxb-slack-credential');
    const moved = box.reencrypt(sealed);
    expect(box.needsRotation(moved)).toBe(false);

    const again = rotateSecretKeyFile(dataDir);
    expect(again.oldKeyId).toBe(newKeyId);
    expect(loadSecretKeys({ dataDir }).previous.map(keyIdOf)).toEqual([newKeyId, oldKeyId]);
  });

  it('reads previous keys alongside CUSTOS_SECRET_KEY', () => {
    loadSecretKeys({ dataDir });
    const { oldKeyId } = rotateSecretKeyFile(dataDir);
    const keys = loadSecretKeys({ secretKey: randomBytes(32).toString('base64'), dataDir });
    expect(keys.previous.map(keyIdOf)).toEqual([oldKeyId]);
  });

  it.skipIf(!posix)('refuses a previous-keys file that group or others can read', () => {
    loadSecretKeys({ dataDir });
    rotateSecretKeyFile(dataDir);
    chmodSync(join(dataDir, 'secret.key.previous'), 0o644);
    expect(codeOf(() => loadSecretKeys({ dataDir }))).toBe('SECRET_KEY_FILE_INSECURE');
  });

  it('refuses to rotate when there is no key file', () => {
    expect(codeOf(() => rotateSecretKeyFile(dataDir))).toBe('PRECONDITION_FAILED');
  });
});
