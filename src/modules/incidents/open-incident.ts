import { recordAudit } from '../audit/index.ts';
import type { NotificationAlert } from '../notifications/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { scheduleBreachReminders } from './breach-schedule.ts';
import type { IncidentDeps } from './deps.ts';
import type { SeverityReason } from './derive-severity.ts';
import { escalateIncident } from './escalate.ts';
import type { SeverityPolicyDocument } from './policy-schemas.ts';
import type { IncidentsTable, SeverityName } from './schema.ts';
import { incidentsDb, recordTimeline, toIncident } from './store.ts';
import { dueTimes, scheduleSlaChecks } from './sla-schedule.ts';

export interface OpenIncident {
  title: string;
  description?: string | null;
  severity: SeverityName;
  reason: SeverityReason;
  source: 'alert' | 'manual';
  groupKey?: string | null;
  escalationPolicyId?: string | null;
  labels?: Record<string, string>;
  assignees?: string[];
  possibleBreach?: boolean;
}

/**
 * Inserts an incident, books its SLA checks (and breach reminders), starts its escalation and
 * audits it, in the caller's transaction. With a group key, an open incident of the same group
 * wins the insert (null is returned) so concurrent flushes open one incident.
 */
export async function openIncident(tx: Ctx, deps: IncidentDeps, policy: SeverityPolicyDocument, input: OpenIncident, alerts: NotificationAlert[] = []): Promise<IncidentsTable | null> {
  const now = tx.clock.now();
  const due = dueTimes(policy, input.severity, now);
  const row: IncidentsTable = {
    id: newId(now),
    org_id: tx.orgId,
    title: input.title,
    description: input.description ?? null,
    status: 'triggered',
    severity: input.severity,
    severity_reason: JSON.stringify(input.reason),
    source: input.source,
    group_key: input.groupKey ?? null,
    open_key: input.groupKey ?? null,
    escalation_policy_id: input.escalationPolicyId ?? null,
    assignees: JSON.stringify(input.assignees ?? []),
    labels: JSON.stringify(input.labels ?? {}),
    created_by: tx.actor.display,
    triggered_at: now,
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    closed_at: null,
    closed_by: null,
    review_required: policy.reviewRequired.includes(input.severity) ? 1 : 0,
    review_done_at: null,
    response_due_at: due.response,
    response_breached_at: null,
    resolution_due_at: due.resolution,
    resolution_breached_at: null,
    possible_breach: input.possibleBreach ? 1 : 0,
    breach_flagged_at: input.possibleBreach ? now : null,
    breach_notified_at: null,
    breach_notified_by: null,
    breach_overdue_at: null,
    created_at: now,
    updated_at: now,
  };
  const inserted = await incidentsDb(tx.db).insertInto('incidents').values(row).onConflict((oc) => oc.columns(['org_id', 'open_key']).doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return null;
  await scheduleSlaChecks(tx, row);
  if (input.possibleBreach) await scheduleBreachReminders(tx, row.id, now);
  const run = await escalateIncident(tx, deps, row, policy, alerts);
  const detail = { severity: row.severity, severityReason: input.reason, source: row.source, groupKey: row.group_key, escalationRunId: run?.id ?? null };
  await recordTimeline(tx, row.id, { kind: 'incident.created', detail: { ...detail, title: row.title } });
  if (input.possibleBreach) await recordTimeline(tx, row.id, { kind: 'breach.flagged', detail: { dueAt: new Date(now + 72 * 3_600_000).toISOString() } });
  await recordAudit(tx, { action: 'incident.created', subject: { type: 'incident', id: row.id }, data: { after: toIncident(row), escalationRunId: run?.id ?? null } });
  if (input.possibleBreach) await recordAudit(tx, { action: 'incident.breach_flagged', subject: { type: 'incident', id: row.id }, data: { possibleBreach: true, startedAt: new Date(now).toISOString() } });
  return row;
}
