import { servicesOf } from '../auth/index.ts';
import { HOUR } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/index.ts';
import { enqueueJob, type JobRunner } from '../../platform/jobs/index.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { runEvidenceHour, type HourStep } from './run-hour.ts';

export const EVIDENCE_HOUR_JOB = 'evidence.hour';

/** Books the hourly run for the hour holding `dueAt`; every process asks for the same hour, so one job runs. */
export async function scheduleEvidenceHour(db: Executor, now: number, dueAt: number): Promise<void> {
  const slot = Math.floor(dueAt / HOUR) * HOUR;
  await enqueueJob(db, now, { kind: EVIDENCE_HOUR_JOB, dueAt: Math.max(slot, dueAt), idempotencyKey: `${EVIDENCE_HOUR_JOB}:${slot}`, payload: { slot }, maxAttempts: 3 });
}

export function registerEvidenceJobs(runner: JobRunner, runtime: Runtime, steps: HourStep[], extra: (runner: JobRunner) => void): void {
  runner.register<{ slot: number }>(EVIDENCE_HOUR_JOB, async ({ job, clock, logger }) => {
    // A run that starts hours late (the process was down) stands for the hour it runs in.
    const slot = Math.max(job.payload.slot, Math.floor(clock.now() / HOUR) * HOUR);
    // The next hour is booked first, so a crash in this one cannot break the chain of runs.
    await scheduleEvidenceHour(runtime.db, clock.now(), slot + HOUR);
    const summary = await runEvidenceHour(servicesOf(runtime), slot, steps);
    if (summary.failed.length > 0) logger.warn(summary, 'evidence hour had failures');
    else logger.debug(summary, 'evidence hour');
  });
  extra(runner);
}
