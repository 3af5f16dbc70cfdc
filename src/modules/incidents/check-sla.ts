import { recordAudit } from '../audit/index.ts';
import { getEscalation } from '../oncall/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { IncidentDeps } from './deps.ts';
import { escalateIncident, subjectOf } from './escalate.ts';
import { policyOf } from './get-severity-policy.ts';
import type { SlaJobPayload } from './sla-schedule.ts';
import { findIncident, recordTimeline, updateIncident } from './store.ts';

export type SlaOutcome = 'breached' | 'met' | 'stale' | 'gone';

/**
 * The `incident.sla` job at a clock's due time: when the target was missed it records the breach
 * (timeline and `incident.sla_breached`) and escalates. A running escalation is left to reach its
 * later steps on time; when none is running (it was acknowledged, or had ended), the policy pages
 * again from its first step with the message marked `[SLA BREACHED]`.
 */
export async function checkSla({ ctx, deps, payload }: { ctx: Ctx; deps: IncidentDeps; payload: SlaJobPayload }): Promise<SlaOutcome> {
  return inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, payload.incidentId, true);
    if (!row) return 'gone';
    const response = payload.clock === 'response';
    if (Number(response ? row.response_due_at : row.resolution_due_at) !== payload.dueAt) return 'stale';
    const met = response ? (row.acknowledged_at ?? row.resolved_at) : row.resolved_at;
    if (met !== null || (response ? row.response_breached_at : row.resolution_breached_at) !== null) return 'met';
    const now = tx.clock.now();
    const column = response ? 'response_breached_at' : 'resolution_breached_at';
    await updateIncident(tx, row.id, { [column]: now });

    const running = (await getEscalation({ ctx: { ...tx, role: 'owner' }, subject: subjectOf(row) }))?.status === 'active';
    let escalation: 'running' | 'restarted' | 'none' = running ? 'running' : 'none';
    if (!running && row.escalation_policy_id) {
      const { document } = await policyOf(tx);
      const run = await escalateIncident(tx, deps, row, document, [], '[SLA BREACHED] ');
      if (run) escalation = 'restarted';
    }
    const detail = { clock: payload.clock, dueAt: new Date(payload.dueAt).toISOString(), severity: row.severity, escalation };
    await recordTimeline(tx, row.id, { kind: 'sla.breached', key: `sla:${row.id}:${payload.clock}:${payload.dueAt}`, detail });
    await recordAudit(tx, { action: 'incident.sla_breached', subject: { type: 'incident', id: row.id }, data: detail });
    return 'breached';
  });
}
