import { DAY, MINUTE } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { enqueueJob, type JobRunner } from '../../../platform/jobs/index.ts';
import { servicesOf, type Runtime } from '../../../platform/runtime.ts';
import { applyRetention } from './apply-retention.ts';
import { computeRollups, PERIOD_MS } from './compute-rollups.ts';
import { floorTo } from './range.ts';
import type { RollupPeriod } from './rollup-row.ts';

export const ROLLUP_JOB = 'monitors.rollup';
export const RETENTION_JOB = 'monitors.retention';

/** A period is rolled up a little after it ends, so results written in batches have landed. */
const ROLLUP_DELAY: Record<RollupPeriod, number> = { hour: 5 * MINUTE, day: 15 * MINUTE };
const RETENTION_AT = 30 * MINUTE;

interface RollupPayload {
  period: RollupPeriod;
  startAt: number;
}

interface RetentionPayload {
  day: number;
  round: number;
}

/** Enqueues the rollup of one period; a second enqueue of the same period is a no-op. */
export const scheduleRollup = (db: Executor, now: number, period: RollupPeriod, startAt: number) =>
  enqueueJob(db, now, { kind: ROLLUP_JOB, payload: { period, startAt } satisfies RollupPayload, dueAt: startAt + PERIOD_MS[period] + ROLLUP_DELAY[period], idempotencyKey: `rollup:${period}:${startAt}` });

export const scheduleRetention = (db: Executor, now: number, day: number, round = 0, dueAt = day + RETENTION_AT) =>
  enqueueJob(db, now, { kind: RETENTION_JOB, payload: { day, round } satisfies RetentionPayload, dueAt, idempotencyKey: round === 0 ? `retention:${day}` : `retention:${day}:${round}` });

/** Makes sure the rollup and retention chains are scheduled (from `start`); idempotent. */
export async function ensureHistoryJobs(db: Executor, now: number): Promise<void> {
  for (const period of ['hour', 'day'] as const) {
    const current = floorTo(now, PERIOD_MS[period]);
    await scheduleRollup(db, now, period, current - PERIOD_MS[period]);
    await scheduleRollup(db, now, period, current);
  }
  await scheduleRetention(db, now, floorTo(now, DAY));
}


/**
 * Each run schedules its successor before working, so a period that keeps failing never breaks
 * the chain; the durable job table carries the chain across restarts.
 */
export function registerHistoryJobs(runner: JobRunner, runtime: Runtime): void {
  runner.register<RollupPayload>(ROLLUP_JOB, async ({ job, db, clock, logger }) => {
    const { period, startAt } = job.payload;
    await scheduleRollup(db, clock.now(), period, startAt + PERIOD_MS[period]);
    const summary = await computeRollups({ services: servicesOf(runtime), period, startAt });
    const log = { period, startAt: new Date(startAt).toISOString(), monitors: summary.monitors, written: summary.written, failed: summary.failed.length };
    if (summary.failed.length) logger.warn({ ...log, failures: summary.failed.slice(0, 20) }, 'rollup finished with failures');
    else logger.info(log, 'rollup finished');
  });
  runner.register<RetentionPayload>(RETENTION_JOB, async ({ job, db, clock, logger }) => {
    const { day, round } = job.payload;
    if (round === 0) await scheduleRetention(db, clock.now(), day + DAY);
    const summary = await applyRetention({ services: servicesOf(runtime) });
    if (summary.more) await scheduleRetention(db, clock.now(), day, round + 1, clock.now() + MINUTE);
    const { failed, ...counts } = summary;
    if (failed.length) logger.warn({ ...counts, failures: failed.slice(0, 20) }, 'retention finished with failures');
    else logger.info(counts, 'retention finished');
  });
}
