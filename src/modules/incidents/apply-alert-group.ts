import type { AlertGroupNotifiedPayload } from '../alerts/index.ts';
import type { NotificationAlert } from '../notifications/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { attachAlerts } from './attach-alerts.ts';
import { changeSeverity } from './change-severity.ts';
import type { IncidentDeps } from './deps.ts';
import { severityOfAlerts } from './derive-severity.ts';
import { findPolicyId } from './escalate.ts';
import { policyOf } from './get-severity-policy.ts';
import { openIncident } from './open-incident.ts';
import { resolveLocked } from './resolve-incident.ts';
import { SEVERITIES } from './policy-schemas.ts';
import type { IncidentsTable } from './schema.ts';
import { incidentsDb, recordTimeline } from './store.ts';

export type AlertGroupOutcome = 'opened' | 'updated' | 'resolved' | 'ignored';

const openOf = (tx: Ctx, groupKey: string) =>
  incidentsDb(tx.db)
    .selectFrom('incidents')
    .selectAll()
    .where('org_id', '=', tx.orgId)
    .where('open_key', '=', groupKey)
    .$if(tx.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();

/** Labels every firing alert shares: what the incident is about. */
function sharedLabels(alerts: NotificationAlert[]): Record<string, string> {
  const [first, ...rest] = alerts;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first.labels).filter(([k, v]) => rest.every((a) => a.labels[k] === v)));
}

/**
 * Firing alerts that the group's latest incident does not already hold as firing. An incident
 * resolved by hand while its alerts still fire is not reopened by the group's repeat notifications;
 * an alert that is new to the group (or fires again) opens a new incident.
 */
async function freshAlerts(tx: Ctx, groupKey: string, firing: NotificationAlert[]): Promise<NotificationAlert[]> {
  const q = incidentsDb(tx.db);
  const latest = await q.selectFrom('incidents').select('id').where('org_id', '=', tx.orgId).where('group_key', '=', groupKey).orderBy('triggered_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  if (!latest) return firing;
  const held = await q.selectFrom('incident_alerts').select(['alert_id', 'status']).where('incident_id', '=', latest.id).execute();
  const firingHeld = new Set(held.filter((h) => h.status === 'firing').map((h) => h.alert_id));
  return firing.filter((a) => !firingHeld.has(a.id));
}

async function openFor(tx: Ctx, deps: IncidentDeps, payload: AlertGroupNotifiedPayload, firing: NotificationAlert[]): Promise<IncidentsTable | null> {
  const { document } = await policyOf(tx);
  const policyId = await findPolicyId(tx, payload.escalationPolicy);
  const { severity, reason } = severityOfAlerts(document, firing, tx.clock.now());
  const title = payload.title.replace(/^\[[A-Z]+(?::\d+)?\]\s*/, '').slice(0, 500) || payload.groupKey.slice(0, 500);
  const row = await openIncident(tx, deps, document, { title, severity, reason, source: 'alert', groupKey: payload.groupKey, escalationPolicyId: policyId, labels: sharedLabels(firing) }, firing);
  if (row && !policyId) await recordTimeline(tx, row.id, { kind: 'escalation.failed', detail: { reason: `no escalation policy "${payload.escalationPolicy}" in this organization` } });
  return row;
}

/** A more severe alert joining an open incident raises its severity (never lowers it). */
async function raiseForAlerts(tx: Ctx, incident: IncidentsTable, firing: NotificationAlert[]): Promise<void> {
  if (firing.length === 0) return;
  const { document } = await policyOf(tx);
  const { severity, reason } = severityOfAlerts(document, firing, tx.clock.now());
  if (SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(incident.severity)) return;
  await changeSeverity({ ctx: tx, id: incident.id, severity, reason: `a more severe alert joined (${reason.rule ?? reason.source}${reason.calendarRule ? `, ${reason.calendarRule}` : ''})` });
}

/**
 * The `alert.group.notified` job: a route with an escalation policy notified its group. Opens
 * one incident per group (or joins the open one), attaches and resolves its alerts, and
 * resolves the incident (as the system) once every alert it holds has resolved.
 */
export async function applyAlertGroup({ ctx, deps, payload }: { ctx: Ctx; deps: IncidentDeps; payload: AlertGroupNotifiedPayload }): Promise<AlertGroupOutcome> {
  return inTransaction(ctx, async (tx) => {
    let incident = await openOf(tx, payload.groupKey);
    let outcome: AlertGroupOutcome = 'updated';
    if (!incident) {
      const fresh = await freshAlerts(tx, payload.groupKey, payload.alerts.filter((a) => a.status === 'firing'));
      if (fresh.length === 0) return 'ignored';
      incident = (await openFor(tx, deps, payload, fresh)) ?? (await openOf(tx, payload.groupKey));
      if (!incident) return 'ignored';
      outcome = 'opened';
    }
    const stillFiring = await attachAlerts(tx, incident, payload.alerts, payload.dispatchId);
    if (outcome === 'updated') await raiseForAlerts(tx, incident, payload.alerts.filter((a) => a.status === 'firing'));
    if (stillFiring > 0) return outcome;
    return (await resolveLocked(tx, incident.id, { cause: 'alerts-resolved' })) ? 'resolved' : outcome;
  });
}
