import { servicesOf } from '../auth/index.ts';
import type { CustosModule } from '../../platform/module.ts';
import { registerReviewJobs } from './jobs.ts';
import { reviewRoutes } from './routes.ts';
import { reviewMigrations } from './schema.ts';
import { scheduleReviewSweep } from './sweep-reviews.ts';

export { openReview } from './open-review.ts';
export { getReview } from './get-review.ts';
export { listReviews } from './list-reviews.ts';
export { updateReview } from './update-review.ts';
export { fileReview } from './file-review.ts';
export { addActionItem } from './add-action-item.ts';
export { updateActionItem } from './update-action-item.ts';
export { deleteActionItem } from './delete-action-item.ts';
export { getReviewSettings } from './get-review-settings.ts';
export { updateReviewSettings } from './update-review-settings.ts';
export { ensureReviews, ensureRecentReviews, type EnsureReviewsSummary } from './ensure-reviews.ts';
export { sweepReviews, scheduleReviewSweep, SWEEP_INTERVAL_MS, SWEEP_LOOKBACK_MS, FULL_SWEEP_EVERY, type SweepJobPayload } from './sweep-reviews.ts';
export { remindOverdueReview, MAX_REMINDERS } from './remind-overdue-review.ts';
export { REVIEW_OVERDUE_JOB, REVIEW_SWEEP_JOB, type OverdueJobPayload } from './due.ts';
export { REVIEW_ERRORS } from './errors.ts';
export * from './schemas.ts';

/** Post-incident reviews: drafts pre-filled from the incident, due in business days, filed to let the incident close. */
export const reviewsModule: CustosModule = {
  name: 'reviews',
  migrations: reviewMigrations,
  registerJobs: (runner, runtime) => registerReviewJobs(runner, servicesOf(runtime)),
  routes: (api) => reviewRoutes(api),
  start: (runtime) => scheduleReviewSweep(runtime, runtime.clock.now(), runtime.clock.now(), { full: true }),
};
