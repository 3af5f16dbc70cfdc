import { allOrganizations } from '../auth/index.ts';
import { serviceCtx, systemActor, type Services } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { REVIEW_SWEEP_JOB } from './due.ts';
import { ensureReviews, type EnsureReviewsSummary } from './ensure-reviews.ts';

/** How often resolved incidents are checked for a missing review. */
export const SWEEP_INTERVAL_MS = 60_000;

/** Books the sweep for the slot holding `dueAt`; every process asks for the same slot, so one job runs. */
export async function scheduleReviewSweep(services: Pick<Services, 'db'>, now: number, dueAt: number): Promise<void> {
  const slot = Math.floor(dueAt / SWEEP_INTERVAL_MS);
  await enqueueJob(services.db, now, { kind: REVIEW_SWEEP_JOB, dueAt, idempotencyKey: `${REVIEW_SWEEP_JOB}:${slot}`, maxAttempts: 3 });
}

/** Runs `ensureReviews` in every organization; one organization's failure does not stop the others. */
export async function sweepReviews(services: Services): Promise<EnsureReviewsSummary & { orgs: number }> {
  const total = { orgs: 0, opened: 0, dueSet: 0, failed: [] as EnsureReviewsSummary['failed'] };
  for (const org of await allOrganizations(services.db)) {
    const ctx = serviceCtx(services, org.id, systemActor('Custos reviews'));
    try {
      const summary = await ensureReviews({ ctx });
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
