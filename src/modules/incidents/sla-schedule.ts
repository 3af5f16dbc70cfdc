import type { Ctx } from '../../platform/context.ts';
import { MINUTE } from '../../platform/clock.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import type { SeverityPolicyDocument } from './policy-schemas.ts';
import type { IncidentsTable, SeverityName } from './schema.ts';

export const SLA_JOB = 'incident.sla';
export type SlaClockName = 'response' | 'resolution';
export interface SlaJobPayload {
  orgId: string;
  incidentId: string;
  clock: SlaClockName;
  dueAt: number;
}

export function dueTimes(policy: SeverityPolicyDocument, severity: SeverityName, from: number): { response: number; resolution: number } {
  const tier = policy.tiers[severity];
  return { response: from + tier.responseMinutes * MINUTE, resolution: from + tier.resolutionMinutes * MINUTE };
}

/**
 * One durable job per clock at its due time. A severity change books new jobs for the new due
 * times; a job whose due time is no longer the incident's finds it so and does nothing.
 */
export async function scheduleSlaChecks(ctx: Ctx, row: Pick<IncidentsTable, 'id' | 'response_due_at' | 'resolution_due_at'>): Promise<void> {
  const now = ctx.clock.now();
  for (const [clock, dueAt] of [['response', Number(row.response_due_at)], ['resolution', Number(row.resolution_due_at)]] as const) {
    const payload: SlaJobPayload = { orgId: ctx.orgId, incidentId: row.id, clock, dueAt };
    await enqueueJob(ctx.db, now, { kind: SLA_JOB, orgId: ctx.orgId, dueAt, idempotencyKey: `sla:${row.id}:${clock}:${dueAt}`, payload });
  }
}

export const slaText = (policy: SeverityPolicyDocument, severity: SeverityName) => {
  const minutes = policy.tiers[severity].responseMinutes;
  const span = minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`;
  return `Respond within ${span} (${severity})`;
};
