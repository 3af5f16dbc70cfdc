import { allOrganizations } from '../auth/index.ts';
import { MINUTE } from '../../platform/clock.ts';
import { serviceCtx, systemActor, type Ctx, type Services } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { REVIEW_SWEEP_JOB } from './due.ts';
import { ensureRecentReviews, ensureReviews, type EnsureReviewsSummary } from './ensure-reviews.ts';

/** How often recently resolved incidents are checked for a missing review. */
export const SWEEP_INTERVAL_MS = MINUTE;
/** Each sweep reads this far back in the audit chain, so a late commit or a late sweep misses nothing. */
export const SWEEP_LOOKBACK_MS = 10 * MINUTE;
/** Every this many sweeps (and at start), one reads every resolved incident instead, in case the process was down longer. */
export const FULL_SWEEP_EVERY = 60;

export interface SweepJobPayload {
  full: boolean;
}

/** Books the sweep for the slot holding `dueAt`; every process asks for the same slot, so one job runs. */
export async function scheduleReviewSweep(services: Pick<Services, 'db'>, now: number, dueAt: number, options: { full?: boolean } = {}): Promise<void> {
  const slot = Math.floor(dueAt / SWEEP_INTERVAL_MS);
  const full = options.full ?? slot % FULL_SWEEP_EVERY === 0;
  const payload: SweepJobPayload = { full };
  await enqueueJob(services.db, now, { kind: REVIEW_SWEEP_JOB, dueAt, payload, idempotencyKey: `${REVIEW_SWEEP_JOB}:${full ? 'full:' : ''}${slot}`, maxAttempts: 3 });
}

/** Runs the check in every organization; one organization's failure does not stop the others. */
export async function sweepReviews(services: Services, options: SweepJobPayload): Promise<EnsureReviewsSummary & { orgs: number }> {
  const total = { orgs: 0, opened: 0, dueSet: 0, failed: [] as EnsureReviewsSummary['failed'] };
  const since = services.clock.now() - SWEEP_LOOKBACK_MS;
  const run = (ctx: Ctx) => (options.full ? ensureReviews({ ctx }) : ensureRecentReviews({ ctx, since }));
  for (const org of await allOrganizations(services.db)) {
    try {
      const summary = await run(serviceCtx(services, org.id, systemActor('Custos reviews')));
      total.opened += summary.opened;
      total.dueSet += summary.dueSet;
      total.failed.push(...summary.failed);
    } catch (err) {
      total.failed.push({ incidentId: `org:${org.id}`, error: err instanceof Error ? err.message : String(err) });
    }
    total.orgs++;
  }
  return total;
}
