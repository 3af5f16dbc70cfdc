import { businessDeadline } from '../calendar/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { readSettingsRow, toSettings } from './store.ts';

export const REVIEW_OVERDUE_JOB = 'review.overdue';
export const REVIEW_SWEEP_JOB = 'review.sweep';

/** The `review.overdue` job: the `reminder`-th reminder for the review, due at `at`. */
export interface OverdueJobPayload {
  orgId: string;
  reviewId: string;
  reminder: number;
}

/** When a required review is due: the organization's `dueBusinessDays` after the incident resolved. */
export async function dueAtFor(ctx: Ctx, resolvedAt: number): Promise<number> {
  const settings = toSettings(await readSettingsRow(ctx));
  return businessDeadline({ ctx: { ...ctx, role: 'owner' }, start: resolvedAt, days: settings.dueBusinessDays });
}

/** Books the reminder in the caller's transaction; the key makes booking it twice a no-op. */
export async function scheduleReminder(ctx: Ctx, reviewId: string, at: number, reminder: number): Promise<void> {
  const payload: OverdueJobPayload = { orgId: ctx.orgId, reviewId, reminder };
  await enqueueJob(ctx.db, ctx.clock.now(), { kind: REVIEW_OVERDUE_JOB, orgId: ctx.orgId, dueAt: at, idempotencyKey: `${REVIEW_OVERDUE_JOB}:${reviewId}:${reminder}`, payload, maxAttempts: 5 });
}
