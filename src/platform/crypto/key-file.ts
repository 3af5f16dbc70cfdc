import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError, PreconditionFailedError } from '../errors.ts';
import { SECRET_KEY_FILE_INSECURE } from './error-codes.ts';
import { decodeSecretKey, keyIdOf, SECRET_KEY_BYTES } from './key-id.ts';

export const SECRET_KEY_FILE = 'secret.key';
export const PREVIOUS_SECRET_KEYS_FILE = 'secret.key.previous';

export interface LoadSecretKeysOptions {
  /** CUSTOS_SECRET_KEY: 32 bytes as base64, base64url or hex. */
  secretKey?: string;
  dataDir: string;
}

export interface SecretKeys {
  current: Buffer;
  previous: Buffer[];
}

/**
 * The keyring for SecretBox. The current key comes from CUSTOS_SECRET_KEY, else from
 * `<dataDir>/secret.key`, created on first use. Older keys, one per line, come from
 * `<dataDir>/secret.key.previous` when that file exists.
 */
export function loadSecretKeys(options: LoadSecretKeysOptions): SecretKeys {
  const previous = readPreviousKeys(options.dataDir);
  if (options.secretKey !== undefined) {
    const current = decodeSecretKey(options.secretKey);
    if (!current) {
      throw new AppError('CONFIG_INVALID', `CUSTOS_SECRET_KEY must be ${SECRET_KEY_BYTES} bytes written as base64, base64url or hex (for example: openssl rand -base64 32)`, {
        details: { problems: ['secretKey: must decode to exactly 32 bytes'] },
      });
    }
    return { current, previous };
  }
  return { current: readOrCreateKeyFile(options.dataDir), previous };
}

/** Moves the current key file's key to the front of the previous keys and writes a new current key. */
export function rotateSecretKeyFile(dataDir: string): { newKeyId: string; oldKeyId: string } {
  const path = join(dataDir, SECRET_KEY_FILE);
  const old = readKeyFile(path);
  if (!old) throw new PreconditionFailedError(`${path} does not exist: there is no key to rotate`);
  const previous = [old, ...readPreviousKeys(dataDir).filter((key) => !key.equals(old))];
  const next = randomBytes(SECRET_KEY_BYTES);
  // Previous keys first: a crash between the two writes leaves the old key in both files, never in neither.
  writePrivateFile(join(dataDir, PREVIOUS_SECRET_KEYS_FILE), previous.map((key) => `${key.toString('base64')}\n`).join(''), 'replace');
  writePrivateFile(path, `${next.toString('base64')}\n`, 'replace');
  return { newKeyId: keyIdOf(next), oldKeyId: keyIdOf(old) };
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const path = join(dataDir, SECRET_KEY_FILE);
  const existing = readKeyFile(path);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // When another process creates the file first, its key wins and both read it back.
  writePrivateFile(path, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, 'create');
  return readKeyFile(path)!;
}

function readKeyFile(path: string): Buffer | undefined {
  const text = readPrivateFile(path);
  if (text === undefined) return undefined;
  const key = decodeSecretKey(text);
  if (!key) throw new AppError('CONFIG_INVALID', `${path} must hold one ${SECRET_KEY_BYTES}-byte key written as base64 or hex`);
  return key;
}

function readPreviousKeys(dataDir: string): Buffer[] {
  const path = join(dataDir, PREVIOUS_SECRET_KEYS_FILE);
  const text = readPrivateFile(path);
  if (text === undefined) return [];
  const lines = text.split('\n').map((line) => line.trim());
  return lines.flatMap((line, index) => {
    if (line === '' || line.startsWith('#')) return [];
    const key = decodeSecretKey(line);
    if (!key) throw new AppError('CONFIG_INVALID', `${path} line ${index + 1} must hold a ${SECRET_KEY_BYTES}-byte key written as base64 or hex`);
    return [key];
  });
}

/** Reads a key file, refusing one that group or others can read or write; undefined when it does not exist. */
export function readPrivateFile(path: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    throw new AppError(SECRET_KEY_FILE_INSECURE, `${path} has mode ${octal}, so other users can read or replace the key; run chmod 600 ${path}`, {
      details: { path, mode: octal },
    });
  }
  return readFileSync(path, 'utf8');
}

/**
 * Writes a 0600 file through a temporary file so readers never see half a key.
 * 'create' publishes with link(), which never replaces a file that appeared meanwhile.
 */
export function writePrivateFile(path: string, content: string, how: 'create' | 'replace'): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (how === 'replace') {
      renameSync(tmp, path);
    } else {
      try {
        linkSync(tmp, path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  syncDirectory(dirname(path));
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can fsync a directory (Windows); the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
