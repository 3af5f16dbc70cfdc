import type { Executor } from '../../platform/db/index.ts';
import { GENESIS_HASH } from './hash.ts';
import type { AuditTables } from './schema.ts';

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The organization's chain head as recorded by appends (seq 0 and the genesis hash for an empty chain). */
export async function getChainHead(db: Executor, orgId: string): Promise<ChainHead> {
  const row = await db.withTables<AuditTables>().selectFrom('audit_heads').select(['seq', 'hash']).where('org_id', '=', orgId).executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}
