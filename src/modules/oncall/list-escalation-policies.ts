import { assertCan, type Ctx } from '../../platform/context.ts';
import type { EscalationPolicy } from './escalation-schemas.ts';
import { toPolicy } from './escalation-store.ts';
import { oncallDb } from './store.ts';

export async function listEscalationPolicies({ ctx }: { ctx: Ctx }): Promise<EscalationPolicy[]> {
  assertCan(ctx, 'read');
  const rows = await oncallDb(ctx.db).selectFrom('escalation_policies').selectAll().where('org_id', '=', ctx.orgId).orderBy('name').orderBy('id').execute();
  return rows.map(toPolicy);
}
