import type { CustosModule } from '../../platform/module.ts';
import { createCheckpoint } from './create-checkpoint.ts';
import { registerEvidenceJobs, scheduleEvidenceHour } from './jobs.ts';
import { evidenceRoutes } from './routes.ts';
import type { HourStep } from './run-hour.ts';
import { evidenceMigrations } from './schema.ts';

export { createCheckpoint, type StoredCheckpoint } from './create-checkpoint.ts';
export { listSigningKeys } from './list-signing-keys.ts';
export { rotateSigningKey } from './rotate-signing-key.ts';
export { checkpointPayload, checkpointProblem, type Checkpoint, type PublicKeyRecord } from './checkpoint.ts';
export { runEvidenceHour, isDailySlot, DAILY_HOUR_UTC, type HourSummary } from './run-hour.ts';
export { scheduleEvidenceHour, EVIDENCE_HOUR_JOB } from './jobs.ts';
export { EVIDENCE_ERRORS } from './errors.ts';
export * from './schemas.ts';

/** The hourly work, in order: sign the head first, so the drift check can verify it at once. */
export const evidenceHourSteps: HourStep[] = [{ name: 'checkpoint', run: (ctx, slot) => createCheckpoint({ ctx, slot }) }];

/** Signed checkpoints of every audit chain, witnesses, drift detection and evidence packs. */
export function createEvidenceModule(): CustosModule {
  return {
    name: 'evidence',
    migrations: evidenceMigrations,
    registerJobs: (runner, runtime) => registerEvidenceJobs(runner, runtime, evidenceHourSteps, () => {}),
    start: (runtime) => scheduleEvidenceHour(runtime.db, runtime.clock.now(), runtime.clock.now()),
    routes: (api) => evidenceRoutes(api),
  };
}
