import { z } from 'zod';
import { ALERT_GROUP_NOTIFIED_JOB, type AlertGroupNotifiedPayload } from '../alerts/index.ts';
import { serviceCtx, systemActor, type Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { PermanentJobError, type JobRunner } from '../../platform/jobs/index.ts';
import { applyAlertGroup } from './apply-alert-group.ts';
import { BREACH_JOB, type BreachJobPayload } from './breach-schedule.ts';
import { checkSla } from './check-sla.ts';
import type { IncidentDeps } from './deps.ts';
import { remindBreach } from './remind-breach.ts';
import { SLA_JOB, type SlaJobPayload } from './sla-schedule.ts';

const Org = z.object({ orgId: z.string().min(1).max(64) });
const GroupPayload = Org.extend({ groupKey: z.string().min(1), escalationPolicy: z.string().min(1), dispatchId: z.string().min(1), title: z.string(), alerts: z.array(z.any()) }).loose();
const SlaPayload = Org.extend({ incidentId: z.string().min(1), clock: z.enum(['response', 'resolution']), dueAt: z.number() });
const BreachPayload = Org.extend({ incidentId: z.string().min(1), flaggedAt: z.number(), hours: z.number() });

/** Bad payloads and 4xx errors are not retried: a retry cannot make them valid. */
function handler<T>(schema: z.ZodType, run: (payload: T) => Promise<unknown>) {
  return async ({ job, logger }: { job: { kind: string; payload: unknown }; logger: { debug: (o: object, m: string) => void } }) => {
    const parsed = schema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`${job.kind}: invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    try {
      logger.debug({ outcome: await run(parsed.data as T) }, job.kind);
    } catch (err) {
      if (err instanceof AppError && err.status >= 400 && err.status < 500) throw new PermanentJobError(`${job.kind}: ${err.code}: ${err.message}`);
      throw err;
    }
  };
}

export function registerIncidentJobs(runner: JobRunner, services: Services, deps: IncidentDeps): void {
  const ctx = (orgId: string) => serviceCtx(services, orgId, systemActor('Custos incidents'));
  runner.register(
    ALERT_GROUP_NOTIFIED_JOB,
    handler<AlertGroupNotifiedPayload>(GroupPayload, async (p) => {
      const outcome = await applyAlertGroup({ ctx: ctx(p.orgId), deps, payload: p });
      if (outcome === 'resolved') deps.pagesChanged?.(p.orgId);
      return outcome;
    }),
  );
  runner.register(SLA_JOB, handler<SlaJobPayload>(SlaPayload, (p) => checkSla({ ctx: ctx(p.orgId), deps, payload: p })));
  runner.register(BREACH_JOB, handler<BreachJobPayload>(BreachPayload, (p) => remindBreach({ ctx: ctx(p.orgId), payload: p })));
}
