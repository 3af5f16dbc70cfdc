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
