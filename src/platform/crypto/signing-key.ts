import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, PreconditionFailedError } from '../errors.ts';
import { readPrivateFile, writePrivateFile } from './key-file.ts';

export const SIGNING_KEY_FILE = 'signing.key';

export interface SigningKey {
  /** First 16 hex characters of the SHA-256 of the public key (SPKI DER). */
  keyId: string;
  privateKey: KeyObject;
  /** SPKI PEM, safe to publish. */
  publicKeyPem: string;
}

export function signingKeyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function toSigningKey(privateKey: KeyObject): SigningKey {
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { keyId: signingKeyIdOf(publicKeyPem), privateKey, publicKeyPem };
}

function readSigningKey(path: string): SigningKey | undefined {
  const pem = readPrivateFile(path);
  if (pem === undefined) return undefined;
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key`);
    return toSigningKey(key);
  } catch (err) {
    throw new AppError('CONFIG_INVALID', `${path} must hold one Ed25519 private key in PKCS#8 PEM (${(err as Error).message})`);
  }
}

const freshPem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** The instance's Ed25519 signing key from `<dataDir>/signing.key` (0600), created on first use. */
export function loadSigningKey(dataDir: string): SigningKey {
  const path = join(dataDir, SIGNING_KEY_FILE);
  const existing = readSigningKey(path);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // When another process creates the file first, its key wins and both read it back.
  writePrivateFile(path, freshPem(), 'create');
  return readSigningKey(path)!;
}

/** Replaces the signing key with a new one; the old private key is discarded (its public key stays published). */
export function rotateSigningKeyFile(dataDir: string): { previous: SigningKey; current: SigningKey } {
  const path = join(dataDir, SIGNING_KEY_FILE);
  const previous = readSigningKey(path);
  if (!previous) throw new PreconditionFailedError(`${path} does not exist: there is no signing key to rotate`);
  writePrivateFile(path, freshPem(), 'replace');
  return { previous, current: readSigningKey(path)! };
}

export function signBytes(key: SigningKey, data: Uint8Array): string {
  return sign(null, data, key.privateKey).toString('base64');
}

/** False for a bad signature, a malformed key or a malformed signature. */
export function verifySignature(publicKeyPem: string, data: Uint8Array, signatureBase64: string): boolean {
  try {
    return verify(null, data, createPublicKey(publicKeyPem), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
