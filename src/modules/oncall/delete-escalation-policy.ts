import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { toPolicy } from './escalation-store.ts';
import { getPolicyInOrg } from './get-escalation-policy.ts';
import { oncallDb } from './store.ts';

/** Running escalations finish with the snapshot they started with. */
export async function deleteEscalationPolicy({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = toPolicy(await getPolicyInOrg(tx, id));
    await oncallDb(tx.db).deleteFrom('escalation_policies').where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'escalation_policy.delete', subject: { type: 'escalation_policy', id }, data: { before } });
  });
}
