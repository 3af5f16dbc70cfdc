import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { policyOf } from './get-severity-policy.ts';
import type { Incident, Severity } from './schemas.ts';
import { dueTimes, scheduleSlaChecks } from './sla-schedule.ts';
import { getIncidentInOrg, presentIncident, recordTimeline, updateIncident } from './store.ts';

/**
 * Changes the severity. The SLA due times follow the new tier (counted from the trigger time) and
 * get new checks; a review once required stays required, so lowering a severity never skips it.
 */
export async function changeSeverity({ ctx, id, severity, reason }: { ctx: Ctx; id: string; severity: Severity; reason?: string }): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const row = await getIncidentInOrg(tx, id, true);
    if (row.status === 'closed') throw new AppError('INCIDENT_CLOSED', 'The incident is closed');
    if (row.severity === severity) return presentIncident(tx, row);
    const { document } = await policyOf(tx);
    const now = tx.clock.now();
    const due = dueTimes(document, severity, Number(row.triggered_at));
    const changes = {
      severity,
      severity_reason: JSON.stringify({ source: 'changed', base: severity, previous: row.severity, ...(reason ? { reason } : {}) }),
      response_due_at: due.response,
      resolution_due_at: due.resolution,
      review_required: Number(row.review_required) || document.reviewRequired.includes(severity) ? 1 : 0,
      updated_at: now,
    };
    const updated = (await updateIncident(tx, id, changes))!;
    await scheduleSlaChecks(tx, updated);
    const detail = { from: row.severity, to: severity, reason: reason ?? null, responseDueAt: new Date(due.response).toISOString(), resolutionDueAt: new Date(due.resolution).toISOString() };
    await recordTimeline(tx, id, { kind: 'severity.changed', detail });
    await recordAudit(tx, { action: 'incident.severity_changed', subject: { type: 'incident', id }, data: detail });
    return presentIncident(tx, updated);
  });
}
