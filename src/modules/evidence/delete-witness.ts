import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { evidenceDb } from './store.ts';
import { getWitnessInOrg } from './witness-store.ts';

/** Stops publishing to the witness; what it already received stays there, and its publications stay on record. */
export async function deleteWitness({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  assertCan(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const row = await getWitnessInOrg(tx, id);
    await evidenceDb(tx.db).deleteFrom('evidence_witnesses').where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'witness.delete', subject: { type: 'witness', id }, data: { before: { name: row.name, type: row.type, enabled: Boolean(row.enabled) } } });
  });
}
