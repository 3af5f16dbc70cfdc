import type { Services } from '../../platform/context.ts';
import type { JobRunner } from '../../platform/jobs/index.ts';
import type { ChannelDirectory } from './channels.ts';
import { runEscalationStep, type PageJobPayload, type StepJobPayload } from './run-escalation-step.ts';
import { sendPage } from './send-page.ts';
import { ESCALATION_PAGE_JOB, ESCALATION_STEP_JOB } from './urgency.ts';

export function registerEscalationJobs(runner: JobRunner, services: Services, channels: ChannelDirectory): void {
  runner.register<StepJobPayload>(ESCALATION_STEP_JOB, async ({ job, logger }) => {
    const outcome = await runEscalationStep({ services, payload: job.payload });
    logger.debug({ runId: job.payload.runId, repeat: job.payload.repeat, step: job.payload.step, outcome }, 'escalation step');
  });
  runner.register<PageJobPayload>(ESCALATION_PAGE_JOB, async ({ job, logger }) => {
    const outcome = await sendPage({ services, payload: job.payload, channels });
    logger.debug({ runId: job.payload.runId, rule: job.payload.rule, outcome }, 'escalation page');
  });
}
