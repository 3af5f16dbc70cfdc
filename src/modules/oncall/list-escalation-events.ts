import { assertCan, type Ctx } from '../../platform/context.ts';
import type { EscalationRef } from './end-escalation.ts';
import type { EscalationEvent } from './escalation-schemas.ts';
import { toEvent } from './escalation-store.ts';
import { oncallDb } from './store.ts';

/**
 * Everything escalation did for the subject, oldest first, across its runs: starts, steps with
 * whom they resolved to, each page (to whom, by which method and channel, with the dispatch id
 * that notification receipts carry) or why it could not be sent, and the acknowledgement or stop.
 */
export async function listEscalationEvents({ ctx, subject }: { ctx: Ctx; subject: EscalationRef }): Promise<EscalationEvent[]> {
  assertCan(ctx, 'read');
  const rows = await oncallDb(ctx.db)
    .selectFrom('escalation_events')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}
