import { assertCan, type Ctx } from '../../platform/context.ts';
import type { EscalationRun } from './escalation-schemas.ts';
import { endEscalation, type EscalationRef } from './end-escalation.ts';

/** Stops paging for the subject because someone answered; null when nothing was escalating (or another ack won). */
export async function acknowledgeEscalation({ ctx, subject }: { ctx: Ctx; subject: EscalationRef }): Promise<EscalationRun | null> {
  assertCan(ctx, 'respond');
  return endEscalation(ctx, subject, 'acknowledged', null);
}
