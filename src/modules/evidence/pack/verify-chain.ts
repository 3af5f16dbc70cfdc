import { hashAuditEvent, type AuditEvent } from '../../audit/index.ts';
import { createHash } from 'node:crypto';
import { checkpointPayload, checkpointVerifier, type Checkpoint, type PublicKeyRecord } from '../checkpoint.ts';
import type { TimestampReceipt } from '../store.ts';
import { timestampTokenImprint } from '../witnesses/index.ts';

export const EVENTS_FILE = 'audit/events.jsonl';
export const CHECKPOINTS_FILE = 'audit/checkpoints.json';
export const KEYS_FILE = 'audit/keys.json';
export const TIMESTAMPS_FILE = 'audit/timestamps.json';

export interface PackProblem {
  /** The file (and line or entry) where the problem is. */
  where: string;
  reason: string;
  detail: string;
}

const recompute = (orgId: string, e: AuditEvent) =>
  hashAuditEvent({ orgId, seq: e.seq, at: Date.parse(e.at), actor: e.actor, action: e.action, subject: e.subject, data: e.data, prevHash: e.prevHash });

/** The chain segment is continuous and every event matches its hash. */
export function chainProblem(orgId: string, events: AuditEvent[]): PackProblem | null {
  for (const [i, e] of events.entries()) {
    const where = `${EVENTS_FILE} line ${i + 1} (event ${e.seq})`;
    const prev = events[i - 1];
    if (prev && e.seq !== prev.seq + 1) return { where, reason: 'gap', detail: `event ${prev.seq + 1} is missing: event ${prev.seq} is followed by event ${e.seq}` };
    if (prev && e.prevHash !== prev.hash) return { where, reason: 'broken_link', detail: `event ${e.seq} does not link to event ${prev.seq}'s hash` };
    if (recompute(orgId, e) !== e.hash) return { where, reason: 'hash_mismatch', detail: `event ${e.seq}'s content does not match its hash` };
  }
  return null;
}

/** Every checkpoint is signed by a key valid at its time, and those inside the segment sign the stored event's hash. */
export function checkpointsProblem(orgId: string, events: AuditEvent[], checkpoints: Checkpoint[], keys: PublicKeyRecord[]): PackProblem | null {
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  const checkpointProblem = checkpointVerifier(keys);
  for (const [i, c] of checkpoints.entries()) {
    const where = `${CHECKPOINTS_FILE} entry ${i + 1} (${c.at}, event ${c.seq})`;
    if (c.orgId !== orgId) return { where, reason: 'foreign_checkpoint', detail: `the checkpoint is of organization ${c.orgId}` };
    const bad = checkpointProblem(c);
    if (bad) return { where, reason: 'checkpoint_signature', detail: bad };
    const event = bySeq.get(c.seq);
    if (event && event.hash !== c.hash) return { where, reason: 'checkpoint_mismatch', detail: `event ${c.seq}'s hash differs from the one signed at ${c.at}` };
  }
  return null;
}

function imprintOf(token: string): string | null {
  try {
    return timestampTokenImprint(Buffer.from(token, 'base64')).imprint;
  } catch {
    return null;
  }
}

/** Each RFC 3161 token names a checkpoint of the pack and carries the SHA-256 of its signed bytes. */
export function timestampsProblem(checkpoints: Checkpoint[], timestamps: TimestampReceipt[]): PackProblem | null {
  const byKey = new Map(checkpoints.map((c) => [`${c.at}/${c.seq}`, c]));
  for (const [i, t] of timestamps.entries()) {
    const where = `${TIMESTAMPS_FILE} entry ${i + 1} (${t.checkpointAt}, ${t.witness})`;
    const checkpoint = byKey.get(`${t.checkpointAt}/${t.seq}`);
    if (!checkpoint) return { where, reason: 'unknown_checkpoint', detail: `no checkpoint of ${t.checkpointAt} for event ${t.seq} in ${CHECKPOINTS_FILE}` };
    const imprint = imprintOf(t.token);
    if (imprint === null) return { where, reason: 'malformed', detail: 'the token is not an RFC 3161 timestamp token' };
    if (imprint !== createHash('sha256').update(checkpointPayload(checkpoint)).digest('hex')) return { where, reason: 'timestamp_mismatch', detail: 'the token timestamps other bytes than the checkpoint' };
  }
  return null;
}
