import type { Executor } from '../../platform/db/index.ts';
import type { Checkpoint, PublicKeyRecord } from './checkpoint.ts';
import type { CheckpointsTable, EvidenceTables, SigningKeysTable } from './schema.ts';

export const evidenceDb = (db: Executor) => db.withTables<EvidenceTables>();

export const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
export const isoOrNull = (ms: number | string | null) => (ms === null ? null : iso(ms));

export const toCheckpoint = (r: CheckpointsTable): Checkpoint => ({ orgId: r.org_id, seq: Number(r.seq), hash: r.hash, at: iso(r.at), keyId: r.key_id, signature: r.signature });

export const toPublicKey = (r: SigningKeysTable): PublicKeyRecord => ({ keyId: r.key_id, publicKey: r.public_key, validFrom: iso(r.valid_from), validTo: isoOrNull(r.valid_to) });

export async function loadPublicKeys(db: Executor): Promise<PublicKeyRecord[]> {
  return (await evidenceDb(db).selectFrom('evidence_signing_keys').selectAll().orderBy('valid_from').execute()).map(toPublicKey);
}

export async function latestCheckpoint(db: Executor, orgId: string): Promise<Checkpoint | null> {
  const row = await evidenceDb(db).selectFrom('audit_checkpoints').selectAll().where('org_id', '=', orgId).orderBy('slot', 'desc').limit(1).executeTakeFirst();
  return row ? toCheckpoint(row) : null;
}

/** Checkpoints taken in [from, to), oldest first. */
export async function checkpointsBetween(db: Executor, orgId: string, from: number, to: number): Promise<Checkpoint[]> {
  const rows = await evidenceDb(db).selectFrom('audit_checkpoints').selectAll().where('org_id', '=', orgId).where('at', '>=', from).where('at', '<', to).orderBy('at').execute();
  return rows.map(toCheckpoint);
}

export interface TimestampReceipt {
  checkpointAt: string;
  seq: number;
  witness: string;
  /** The RFC 3161 TimeStampToken (DER, base64) over the signed checkpoint bytes. */
  token: string;
}

/** RFC 3161 tokens received for checkpoints taken in [from, to), oldest first. */
export async function timestampsBetween(db: Executor, orgId: string, from: number, to: number): Promise<TimestampReceipt[]> {
  const rows = await evidenceDb(db)
    .selectFrom('evidence_publications as p')
    .innerJoin('audit_checkpoints as c', 'c.id', 'p.checkpoint_id')
    .innerJoin('evidence_witnesses as w', 'w.id', 'p.witness_id')
    .select(['c.at', 'c.seq', 'w.name', 'p.receipt'])
    .where('p.org_id', '=', orgId)
    .where('p.status', '=', 'published')
    .where('w.type', '=', 'rfc3161')
    .where('c.at', '>=', from)
    .where('c.at', '<', to)
    .orderBy('c.at')
    .orderBy('w.name')
    .execute();
  return rows.map((r) => ({ checkpointAt: iso(r.at), seq: Number(r.seq), witness: r.name, token: r.receipt ?? '' }));
}
