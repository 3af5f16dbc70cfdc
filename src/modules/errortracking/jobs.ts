import { z } from 'zod';
import { PermanentJobError, type JobRunner } from '../../platform/jobs/index.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { FORWARD_JOB } from './digest/digest-batch.ts';
import { forwardEnvelope } from './forward-envelope.ts';

const ForwardPayload = z.object({ orgId: z.string().min(1), projectId: z.string().min(1), body: z.string().min(1) });

export function registerErrorTrackingJobs(runner: JobRunner, runtime: Runtime): void {
  runner.register(FORWARD_JOB, async ({ job, db, clock }) => {
    const parsed = ForwardPayload.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`${FORWARD_JOB}: invalid payload`);
    await forwardEnvelope({ db, secrets: runtime.secrets, payload: parsed.data, now: clock.now() });
  });
}
