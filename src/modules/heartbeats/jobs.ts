import type { JobRunner } from '../../platform/jobs/index.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { SYNC_OVERLAP_MS, type HeartbeatSync } from './heartbeat-sync.ts';
import { pruneHeartbeatPings } from './prune-pings.ts';
import { PRUNE_JOB } from './record-pings.ts';
import { sweepHeartbeats } from './sweep-heartbeats.ts';

export const SWEEP_JOB = 'heartbeats.sweep';
/** Deadlines are applied within this long of passing. */
export const SWEEP_INTERVAL_MS = 5_000;

/** Schedules the sweep for the slot holding `dueAt`; every process asks for the same slot, so one job runs. */
export async function scheduleSweep(runtime: Pick<Runtime, 'db'>, now: number, dueAt: number): Promise<void> {
  const slot = Math.floor(dueAt / SWEEP_INTERVAL_MS);
  await enqueueJob(runtime.db, now, { kind: SWEEP_JOB, dueAt, idempotencyKey: `${SWEEP_JOB}:${slot}`, maxAttempts: 3 });
}

export function registerHeartbeatJobs(runner: JobRunner, runtime: Runtime, sync: HeartbeatSync): void {
  runner.register(SWEEP_JOB, async ({ clock, logger }) => {
    const now = clock.now();
    // The next sweep is booked first, so a crash in this one cannot break the chain.
    await scheduleSweep(runtime, now, (Math.floor(now / SWEEP_INTERVAL_MS) + 1) * SWEEP_INTERVAL_MS);
    const synced = await sync.run(SYNC_OVERLAP_MS.sweep);
    const summary = await sweepHeartbeats({ db: runtime.db, dialect: runtime.dialect, bus: runtime.bus, logger, now });
    if (summary.examined > 0 || synced > 0) logger.debug({ ...summary, synced }, 'heartbeat sweep');
  });
  runner.register<{ monitorId: string }>(PRUNE_JOB, async ({ job, db }) => {
    await pruneHeartbeatPings({ db, monitorId: job.payload.monitorId });
  });
}
