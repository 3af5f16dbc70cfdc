import type { Ctx } from '../../platform/context.ts';
import { HOUR } from '../../platform/clock.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';

export const BREACH_JOB = 'incident.breach_reminder';
/** Hours after the flag when reminders go out; the last one is the deadline (UK GDPR Art. 33: 72 hours). */
export const BREACH_REMINDER_HOURS = [24, 48, 66, 72] as const;

export interface BreachJobPayload {
  orgId: string;
  incidentId: string;
  flaggedAt: number;
  hours: number;
}

/** One durable job per reminder; a job for an earlier flag, or after the regulator was notified, does nothing. */
export async function scheduleBreachReminders(ctx: Ctx, incidentId: string, flaggedAt: number): Promise<void> {
  const now = ctx.clock.now();
  for (const hours of BREACH_REMINDER_HOURS) {
    const payload: BreachJobPayload = { orgId: ctx.orgId, incidentId, flaggedAt, hours };
    await enqueueJob(ctx.db, now, { kind: BREACH_JOB, orgId: ctx.orgId, dueAt: flaggedAt + hours * HOUR, idempotencyKey: `breach:${incidentId}:${flaggedAt}:${hours}`, payload });
  }
}
