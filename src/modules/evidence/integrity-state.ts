import type { Executor } from '../../platform/db/index.ts';
import type { IntegrityTable } from './schema.ts';
import { evidenceDb, iso, isoOrNull } from './store.ts';

export interface ChainProblem {
  seq: number;
  reason: string;
  detail: string;
}

export interface Verification {
  at: string;
  mode: 'recent' | 'full';
  fromSeq: number;
  toSeq: number;
  ok: boolean;
  firstProblem: ChainProblem | null;
}

export const toVerification = (r: IntegrityTable): Verification => ({
  at: iso(r.checked_at),
  mode: r.mode,
  fromSeq: Number(r.from_seq),
  toSeq: Number(r.to_seq),
  ok: Boolean(r.ok),
  firstProblem: r.problem === null ? null : (JSON.parse(r.problem) as ChainProblem),
});

export async function loadIntegrity(db: Executor, orgId: string): Promise<IntegrityTable | undefined> {
  return evidenceDb(db).selectFrom('evidence_integrity').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function saveIntegrity(db: Executor, row: IntegrityTable): Promise<void> {
  const { org_id: _org, ...rest } = row;
  await evidenceDb(db)
    .insertInto('evidence_integrity')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(rest))
    .execute();
}

export const lastFullAt = (r: IntegrityTable | undefined) => isoOrNull(r?.last_full_at ?? null);
