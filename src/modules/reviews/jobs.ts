import { z } from 'zod';
import { serviceCtx, systemActor, type Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { PermanentJobError, type JobRunner } from '../../platform/jobs/index.ts';
import { REVIEW_OVERDUE_JOB, REVIEW_SWEEP_JOB } from './due.ts';
import { remindOverdueReview } from './remind-overdue-review.ts';
import { scheduleReviewSweep, sweepReviews, SWEEP_INTERVAL_MS, type SweepJobPayload } from './sweep-reviews.ts';

const OverduePayload = z.object({ orgId: z.string().min(1).max(64), reviewId: z.string().min(1).max(64), reminder: z.number().int().min(1) });

export function registerReviewJobs(runner: JobRunner, services: Services): void {
  runner.register<SweepJobPayload | null>(REVIEW_SWEEP_JOB, async ({ job, clock, logger }) => {
    const now = clock.now();
    // The next sweep is booked first, so a crash in this one cannot break the chain.
    await scheduleReviewSweep(services, now, (Math.floor(now / SWEEP_INTERVAL_MS) + 1) * SWEEP_INTERVAL_MS);
    const summary = await sweepReviews(services, { full: job.payload?.full === true });
    if (summary.opened || summary.dueSet || summary.failed.length) logger.info(summary, 'review sweep');
  });
  runner.register(REVIEW_OVERDUE_JOB, async ({ job, logger }) => {
    const parsed = OverduePayload.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`${job.kind}: invalid payload`);
    try {
      const outcome = await remindOverdueReview({ ctx: serviceCtx(services, parsed.data.orgId, systemActor('Custos reviews')), payload: parsed.data });
      logger.debug({ reviewId: parsed.data.reviewId, reminder: parsed.data.reminder, outcome }, job.kind);
    } catch (err) {
      if (err instanceof AppError && err.status >= 400 && err.status < 500) throw new PermanentJobError(`${job.kind}: ${err.code}: ${err.message}`);
      throw err;
    }
  });
}
