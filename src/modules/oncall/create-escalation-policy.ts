import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { ChannelDirectory } from './channels.ts';
import type { CreatePolicyInput, EscalationPolicy } from './escalation-schemas.ts';
import { toPolicy } from './escalation-store.ts';
import { assertPolicyNameFree } from './get-escalation-policy.ts';
import { checkPolicy } from './policy-rules.ts';
import type { PoliciesTable } from './schema.ts';
import { isUniqueViolation, oncallDb } from './store.ts';

export async function createEscalationPolicy({ ctx, input, channels }: { ctx: Ctx; input: CreatePolicyInput; channels: ChannelDirectory }): Promise<EscalationPolicy> {
  assertCan(ctx, 'write');
  const passMinutes = await checkPolicy(ctx, channels, input);
  const now = ctx.clock.now();
  const row: PoliciesTable = {
    id: newId(now),
    org_id: ctx.orgId,
    name: input.name,
    description: input.description ?? null,
    steps: JSON.stringify(input.steps),
    repeat_count: input.repeat,
    repeat_after_min: passMinutes,
    created_at: now,
    updated_at: now,
  };
  try {
    return await inTransaction(ctx, async (tx) => {
      await assertPolicyNameFree(tx, input.name);
      await oncallDb(tx.db).insertInto('escalation_policies').values(row).execute();
      const policy = toPolicy(row);
      await recordAudit(tx, { action: 'escalation_policy.create', subject: { type: 'escalation_policy', id: row.id }, data: { after: policy } });
      return policy;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`An escalation policy named "${input.name}" exists`, 'ESCALATION_POLICY_NAME_TAKEN');
    throw err;
  }
}
