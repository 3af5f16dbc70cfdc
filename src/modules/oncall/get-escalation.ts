import { assertCan, type Ctx } from '../../platform/context.ts';
import type { EscalationRef } from './end-escalation.ts';
import type { EscalationRun } from './escalation-schemas.ts';
import { toRun } from './escalation-store.ts';
import { oncallDb } from './store.ts';

/** The subject's latest escalation (the active one while there is one), or null. */
export async function getEscalation({ ctx, subject }: { ctx: Ctx; subject: EscalationRef }): Promise<EscalationRun | null> {
  assertCan(ctx, 'read');
  const row = await oncallDb(ctx.db)
    .selectFrom('escalation_runs')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toRun(row) : null;
}
