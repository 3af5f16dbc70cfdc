import { servicesOf } from '../auth/index.ts';
import { serviceCtx, systemActor } from '../../platform/context.ts';
import type { CustosModule } from '../../platform/module.ts';
import { anchorHealth } from './anchor.ts';
import { commitResultsDigest } from './commit-results-digest.ts';
import { createCheckpoint } from './create-checkpoint.ts';
import { detectDrift, driftModeFor } from './detect-drift.ts';
import { registerEvidenceJobs, scheduleEvidenceHour } from './jobs.ts';
import { publishCheckpoint } from './publish-checkpoint.ts';
import { exportPreviousMonth, isMonthlySlot } from './monthly-export.ts';
import { evidenceRoutes } from './routes.ts';
import { isDailySlot, type HourStep } from './run-hour.ts';
import { PUBLISH_JOB, schedulePublications, type PublishJobPayload } from './schedule-publications.ts';
import { evidenceMigrations } from './schema.ts';

export { createCheckpoint, type StoredCheckpoint } from './create-checkpoint.ts';
export { listSigningKeys } from './list-signing-keys.ts';
export { rotateSigningKey } from './rotate-signing-key.ts';
export { checkpointPayload, checkpointProblem, type Checkpoint, type PublicKeyRecord } from './checkpoint.ts';
export { detectDrift, driftModeFor, DRIFT_ALERT, HOURLY_FULL_REPLAY_MAX_EVENTS } from './detect-drift.ts';
export { createWitness } from './create-witness.ts';
export { listWitnesses } from './list-witnesses.ts';
export { deleteWitness } from './delete-witness.ts';
export { getIntegrity } from './get-integrity.ts';
export { commitResultsDigest } from './commit-results-digest.ts';
export { verifyResultsDigests, committedDigests, type ResultsVerification, type ResultsProblem } from './verify-results-digests.ts';
export { digestDay, RESULTS_DIGEST_ACTION, type DayDigest, type MonitorDigest } from './results-digest.ts';
export { publishCheckpoint, PUBLISH_ATTEMPTS, PUBLICATION_ALERT } from './publish-checkpoint.ts';
export { anchorStatus, anchorHealth, ANCHOR_DEGRADED_AFTER_MS } from './anchor.ts';
export { requestTimestamp, timestampTokenImprint } from './witnesses/index.ts';
export { runEvidenceHour, isDailySlot, DAILY_HOUR_UTC, type HourSummary } from './run-hour.ts';
export { scheduleEvidenceHour, EVIDENCE_HOUR_JOB } from './jobs.ts';
export { PUBLISH_JOB } from './schedule-publications.ts';
export { exportEvidencePack, packPeriod } from './export-pack.ts';
export { exportPreviousMonth } from './monthly-export.ts';
export { getEvidenceSettings, updateEvidenceSettings } from './evidence-settings.ts';
export { verifyEvidencePack, type PackVerification } from './pack/verify-pack.ts';
export type { Manifest } from './pack/manifest.ts';
export type { PackProblem } from './pack/verify-chain.ts';
export { EVIDENCE_ERRORS } from './errors.ts';
export * from './schemas.ts';

/** The hourly work, in order: sign the head, hand it to the witnesses, then check the chain against every checkpoint. */
export const evidenceHourSteps: HourStep[] = [
  { name: 'checkpoint', run: (ctx, slot) => createCheckpoint({ ctx, slot }) },
  { name: 'publish', run: (ctx, slot) => schedulePublications({ ctx, slot }) },
  { name: 'drift', run: async (ctx, slot) => detectDrift({ ctx, mode: await driftModeFor(ctx, isDailySlot(slot)) }) },
  { name: 'results-digest', when: isDailySlot, run: (ctx) => commitResultsDigest({ ctx }) },
  { name: 'monthly-export', when: isMonthlySlot, run: (ctx, slot) => exportPreviousMonth({ ctx, slot }) },
];

/** Signed checkpoints of every audit chain, witnesses, drift detection and evidence packs. */
export function createEvidenceModule(): CustosModule {
  return {
    name: 'evidence',
    migrations: evidenceMigrations,
    registerJobs: (runner, runtime) =>
      registerEvidenceJobs(runner, runtime, evidenceHourSteps, (r) =>
        r.register<PublishJobPayload>(PUBLISH_JOB, async ({ job, signal }) => {
          const ctx = serviceCtx(servicesOf(runtime), job.payload.orgId, systemActor('evidence'), 'owner');
          await publishCheckpoint({ ctx, publicationId: job.payload.publicationId, secrets: () => runtime.secrets(), signal });
        }),
      ),
    start: (runtime) => scheduleEvidenceHour(runtime.db, runtime.clock.now(), runtime.clock.now()),
    routes: (api, runtime) => evidenceRoutes(api, () => runtime.secrets()),
    health: async (runtime) => ({ anchors: await anchorHealth(runtime.db, runtime.clock.now()) }),
  };
}
