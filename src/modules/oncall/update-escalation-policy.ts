import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { ChannelDirectory } from './channels.ts';
import type { EscalationPolicy, UpdatePolicyInput } from './escalation-schemas.ts';
import { toPolicy } from './escalation-store.ts';
import { assertPolicyNameFree, getPolicyInOrg } from './get-escalation-policy.ts';
import { checkPolicy } from './policy-rules.ts';
import type { PoliciesTable } from './schema.ts';
import { oncallDb } from './store.ts';

/** Running escalations keep the policy they started with; the change applies to the next one. */
export async function updateEscalationPolicy({ ctx, id, input, channels }: { ctx: Ctx; id: string; input: UpdatePolicyInput; channels: ChannelDirectory }): Promise<EscalationPolicy> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = toPolicy(await getPolicyInOrg(tx, id));
    const steps = input.steps ?? before.steps;
    const repeat = input.repeat ?? before.repeat;
    // The pass length stays unless new steps outgrow it; then it becomes the default again.
    const last = Math.max(...steps.map((s) => s.delayMinutes));
    const repeatAfterMinutes = input.repeatAfterMinutes ?? (before.repeatAfterMinutes > last ? before.repeatAfterMinutes : undefined);
    const passMinutes = await checkPolicy(tx, channels, { steps, repeat, repeatAfterMinutes });
    const changes: Partial<PoliciesTable> = { steps: JSON.stringify(steps), repeat_count: repeat, repeat_after_min: passMinutes, updated_at: tx.clock.now() };
    if (input.name !== undefined && input.name !== before.name) {
      await assertPolicyNameFree(tx, input.name, id);
      changes.name = input.name;
    }
    if (input.description !== undefined) changes.description = input.description;
    await oncallDb(tx.db).updateTable('escalation_policies').set(changes).where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    const after = toPolicy(await getPolicyInOrg(tx, id));
    await recordAudit(tx, { action: 'escalation_policy.update', subject: { type: 'escalation_policy', id }, data: { before, after } });
    return after;
  });
}
