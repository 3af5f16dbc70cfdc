import canonicalize from 'canonicalize';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { signBytes, type SigningKey } from '../../platform/crypto/index.ts';

/** A signed statement that an organization's chain had this head at this time. */
export interface Checkpoint {
  orgId: string;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
}

export interface PublicKeyRecord {
  keyId: string;
  publicKey: string;
  validFrom: string;
  validTo: string | null;
}

/** The exact bytes signed: RFC 8785 canonical JSON, so any verifier can rebuild them. */
export function checkpointPayload(c: Omit<Checkpoint, 'signature'>): Buffer {
  return Buffer.from(canonicalize({ v: 1, type: 'custos.audit.checkpoint', orgId: c.orgId, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId })!, 'utf8');
}

export function signCheckpoint(key: SigningKey, c: Omit<Checkpoint, 'signature' | 'keyId'>): Checkpoint {
  const unsigned = { ...c, keyId: key.keyId };
  return { ...unsigned, signature: signBytes(key, checkpointPayload(unsigned)) };
}

function publicKeyOf(pem: string): KeyObject | null {
  try {
    return createPublicKey(pem);
  } catch {
    return null;
  }
}

/** A checker over a fixed set of keys (each parsed once): null when the checkpoint verifies under a key current at its time, else why not. */
export function checkpointVerifier(keys: PublicKeyRecord[]): (c: Checkpoint) => string | null {
  const parsed = new Map(keys.map((k) => [k.keyId, { ...k, object: publicKeyOf(k.publicKey) }]));
  return (c) => {
    const key = parsed.get(c.keyId);
    if (!key) return `signed by unknown key ${c.keyId}`;
    const at = Date.parse(c.at);
    if (at < Date.parse(key.validFrom) || (key.validTo !== null && at > Date.parse(key.validTo))) return `signed by key ${c.keyId} outside its validity period`;
    try {
      return key.object && verify(null, checkpointPayload(c), key.object, Buffer.from(c.signature, 'base64')) ? null : 'bad signature';
    } catch {
      return 'bad signature';
    }
  };
}

export const checkpointProblem = (c: Checkpoint, keys: PublicKeyRecord[]) => checkpointVerifier(keys)(c);
