import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  orgId: string;
  seq: number;
  at: number;
  actor: { type: string; id: string; display: string };
  action: string;
  subject: { type: string; id: string };
  data: unknown;
  prevHash: string;
}

/** Canonical JSON (RFC 8785) of every field, SHA-256, hex. Changing this breaks every chain: version it. */
export function hashAuditEvent(e: HashedFields): string {
  const text = canonicalize({ v: 1, ...e });
  return createHash('sha256').update(text!, 'utf8').digest('hex');
}

export function canonicalJson(value: unknown): string {
  return canonicalize(value ?? null)!;
}
