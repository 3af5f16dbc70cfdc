import { assertCan, type Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { EscalationPolicy } from './escalation-schemas.ts';
import { findPolicyRow, toPolicy } from './escalation-store.ts';
import type { PoliciesTable } from './schema.ts';
import { oncallDb } from './store.ts';

export async function getPolicyInOrg(ctx: Ctx, id: string): Promise<PoliciesTable> {
  const row = await findPolicyRow(ctx.db, ctx.orgId, id);
  if (!row) throw new NotFoundError('Escalation policy', 'ESCALATION_POLICY_NOT_FOUND');
  return row;
}

export async function assertPolicyNameFree(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  const clash = await oncallDb(ctx.db)
    .selectFrom('escalation_policies')
    .select('id')
    .where('org_id', '=', ctx.orgId)
    .where('name', '=', name)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (clash) throw new ConflictError(`An escalation policy named "${name}" exists`, 'ESCALATION_POLICY_NAME_TAKEN');
}

export async function getEscalationPolicy({ ctx, id }: { ctx: Ctx; id: string }): Promise<EscalationPolicy> {
  assertCan(ctx, 'read');
  return toPolicy(await getPolicyInOrg(ctx, id));
}
