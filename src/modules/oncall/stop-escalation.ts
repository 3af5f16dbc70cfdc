import { assertCan, type Ctx } from '../../platform/context.ts';
import type { EscalationRun } from './escalation-schemas.ts';
import { endEscalation, type EscalationRef } from './end-escalation.ts';

/** Stops paging for the subject without an acknowledgement (resolved, merged, cancelled); null when nothing was escalating. */
export async function stopEscalation({ ctx, subject, reason }: { ctx: Ctx; subject: EscalationRef; reason?: string }): Promise<EscalationRun | null> {
  assertCan(ctx, 'respond');
  return endEscalation(ctx, subject, 'stopped', reason ?? null);
}
