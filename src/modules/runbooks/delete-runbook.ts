import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { auditView, getRunbookInOrg, runbooksDb } from './store.ts';

/** Deletes the runbook with all its versions. */
export async function deleteRunbook({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await getRunbookInOrg(tx, id);
    const q = runbooksDb(tx.db);
    await q.deleteFrom('runbook_versions').where('org_id', '=', tx.orgId).where('runbook_id', '=', before.id).execute();
    await q.deleteFrom('runbooks').where('org_id', '=', tx.orgId).where('id', '=', before.id).execute();
    await recordAudit(tx, { action: 'runbook.delete', subject: { type: 'runbook', id: before.id }, data: { before: auditView(before) } });
  });
}
