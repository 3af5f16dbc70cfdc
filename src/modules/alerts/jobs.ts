import { z } from 'zod';
import { serviceCtx, systemActor, type Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { enableBatchMemo, type Db, type Executor } from '../../platform/db/index.ts';
import { PermanentJobError, type BatchJobHandler, type Job, type JobRunner } from '../../platform/jobs/index.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { applyMonitorFlip, MONITOR_FLIP_JOB } from './apply-monitor-flip.ts';
import { flushGroup } from './flush-group.ts';
import { FLUSH_JOB } from './flush-schedule.ts';
import { raiseAlert } from './raise-alert.ts';
import { REROUTE_JOB, rerouteAlerts } from './reroute-alerts.ts';
import { AlertSourceName, AlertStatusName, Annotations, AlertLabels, Severity } from './schemas.ts';
import { onSilenceEnded, SILENCE_END_JOB } from './silence-ended.ts';

/** Raised by other modules (self-alerts from notifications, inbound integrations) without importing this one. */
export const ALERT_RAISE_JOB = 'alert.raise';

/** Flips applied per transaction: large enough to share the commit, small enough not to hold the writer long. */
const FLIP_BATCH_SIZE = 50;

const OrgPayload = z.object({ orgId: z.string().min(1).max(64) });
const FlipPayload = OrgPayload.extend({
  monitorId: z.string().min(1).max(64),
  flipId: z.string().min(1).max(64),
  from: z.string(),
  to: z.string(),
  at: z.union([z.number(), z.string()]),
  reason: z.unknown().optional(),
});
const RaisePayload = OrgPayload.extend({
  dedupKey: z.string().min(1).max(255),
  status: AlertStatusName,
  labels: AlertLabels.default({}),
  annotations: Annotations.default({}),
  severity: Severity.optional(),
  source: AlertSourceName.optional(),
});
const FlushPayload = OrgPayload.extend({ groupId: z.string().min(1), seq: z.number().int() });
const SilencePayload = OrgPayload.extend({ silenceId: z.string().min(1) });
const ReroutePayload = OrgPayload.extend({ version: z.number().int() });

/** Bad payloads and bad input are not retried: a retry cannot make them valid. */
function handler<S extends z.ZodType<{ orgId: string }>>(schema: S, run: (payload: z.infer<S>) => Promise<unknown>) {
  return async ({ job }: { job: { kind: string; payload: unknown } }) => {
    const parsed = schema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`${job.kind}: invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    try {
      await run(parsed.data);
    } catch (err) {
      if (err instanceof AppError && err.status >= 400 && err.status < 500) throw new PermanentJobError(`${job.kind}: ${err.code}: ${err.message}`);
      throw err;
    }
  };
}

const flipKey = (job: Job) => (job.payload as { monitorId: string }).monitorId;

/**
 * Applies a batch of flips in one transaction, in dedup-key order so concurrent batches lock alerts
 * alike. When the transaction fails, each flip runs on its own, so only the failing ones retry.
 */
function flipBatch(run: (db: Executor, job: Job) => Promise<void>, db: Db): BatchJobHandler {
  return async ({ jobs }) => {
    const failures = new Map<string, unknown>();
    const valid = jobs.filter((job) => {
      const parsed = FlipPayload.safeParse(job.payload);
      if (!parsed.success) failures.set(job.id, new PermanentJobError(`${job.kind}: invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`));
      return parsed.success;
    });
    const ordered = valid.toSorted((a, b) => (flipKey(a) < flipKey(b) ? -1 : flipKey(a) > flipKey(b) ? 1 : a.dueAt - b.dueAt));
    try {
      await db.transaction().execute(async (tx) => {
        enableBatchMemo(tx);
        for (const job of ordered) await run(tx, job);
      });
      return failures;
    } catch {
      for (const job of ordered) await run(db, job).catch((err: unknown) => failures.set(job.id, err));
      return failures;
    }
  };
}

export function registerAlertJobs(runner: JobRunner, runtime: Runtime): void {
  const services: Services = { config: runtime.config, db: runtime.db, dialect: runtime.dialect, clock: runtime.clock, logger: runtime.logger };
  const ctx = (orgId: string, display = 'Custos alerts') => serviceCtx(services, orgId, systemActor(display));
  const flip = (db: Executor, job: Job) =>
    handler(FlipPayload, (p) => applyMonitorFlip({ ctx: serviceCtx({ ...services, db }, p.orgId, systemActor('Custos monitoring')), flip: p }))({ job });

  runner.registerBatch(MONITOR_FLIP_JOB, flipBatch(flip, runtime.db), { size: FLIP_BATCH_SIZE });
  runner.register(
    ALERT_RAISE_JOB,
    handler(RaisePayload, ({ orgId, ...input }) => raiseAlert({ ctx: ctx(orgId), input: { ...input, source: input.source ?? 'self' } })),
  );
  runner.register(FLUSH_JOB, handler(FlushPayload, (p) => flushGroup({ ctx: ctx(p.orgId), payload: p })));
  runner.register(SILENCE_END_JOB, handler(SilencePayload, (p) => onSilenceEnded({ ctx: ctx(p.orgId), silenceId: p.silenceId })));
  runner.register(REROUTE_JOB, handler(ReroutePayload, (p) => rerouteAlerts({ ctx: ctx(p.orgId), version: p.version })));
}
