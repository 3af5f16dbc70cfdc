import { randomBytes, randomFillSync } from 'node:crypto';

// Random bits come from a pool refilled 4 KiB at a time: one system call per ~400 ids, not per id.
const pool = Buffer.alloc(4096);
let offset = pool.length;

function randomTen(): Buffer {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 10;
  return pool.subarray(offset - 10, offset);
}

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond timestamp, then random bits.
 * Ids sort by creation time, which keeps cursor pagination and B-tree inserts cheap.
 */
export function newId(now = Date.now()): string {
  const ts = Math.trunc(now).toString(16).padStart(12, '0').slice(-12);
  const r = randomTen();
  r[0] = (r[0]! & 0x0f) | 0x70; // version 7
  r[2] = (r[2]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = r.toString('hex');
  return `${ts.slice(0, 8)}-${ts.slice(8)}-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
