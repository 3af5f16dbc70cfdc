import { recordAudit } from '../audit/index.ts';
import { acknowledgeAlert } from '../alerts/index.ts';
import { acknowledgeEscalation } from '../oncall/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { subjectOf } from './escalate.ts';
import type { Incident } from './schemas.ts';
import { getIncidentInOrg, incidentsDb, presentIncident, recordTimeline, updateIncident } from './store.ts';

/**
 * Acknowledges the incident's firing alerts too, so their groups stop repeating and tell their
 * receivers. Locks: the incident, then its alerts, then (through the audit) the chain head, and
 * only then the escalation run, whose other writers (step jobs) never wait on the chain.
 */
async function acknowledgeAlerts(tx: Ctx, incidentId: string): Promise<number> {
  const firing = await incidentsDb(tx.db).selectFrom('incident_alerts').select('alert_id').where('incident_id', '=', incidentId).where('status', '=', 'firing').orderBy('alert_id').execute();
  let acknowledged = 0;
  for (const { alert_id } of firing) {
    try {
      await acknowledgeAlert({ ctx: tx, id: alert_id });
      acknowledged++;
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'ALERT_NOT_FIRING' && err.code !== 'ALERT_NOT_FOUND')) throw err;
    }
  }
  return acknowledged;
}

/**
 * Acknowledges a triggered incident and stops its paging. A conditional update settles a race:
 * of two people acknowledging at once one wins (and is audited), the other gets the incident as
 * the winner left it. Acknowledging again re-acknowledges a re-page started by an SLA breach.
 */
export async function acknowledgeIncident({ ctx, id, note }: { ctx: Ctx; id: string; note?: string }): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const won = await updateIncident(tx, id, { status: 'acknowledged', acknowledged_at: now, acknowledged_by: tx.actor.display }, (eb) => eb('status', '=', 'triggered'));
    if (!won) {
      const row = await getIncidentInOrg(tx, id);
      if (row.status !== 'acknowledged') throw new AppError('INCIDENT_NOT_OPEN', `The incident is ${row.status}`);
      const repage = await acknowledgeEscalation({ ctx: tx, subject: subjectOf(row) });
      if (repage) await recordTimeline(tx, id, { kind: 'escalation.acknowledged', detail: { runId: repage.id } });
      return presentIncident(tx, row);
    }
    const alerts = await acknowledgeAlerts(tx, id);
    const run = await acknowledgeEscalation({ ctx: tx, subject: subjectOf(won) });
    await recordTimeline(tx, id, { kind: 'incident.acknowledged', detail: { ...(note ? { note } : {}), escalationRunId: run?.id ?? null, alerts } });
    await recordAudit(tx, { action: 'incident.acknowledged', subject: { type: 'incident', id }, data: { at: new Date(now).toISOString(), mttaSeconds: Math.round((now - Number(won.triggered_at)) / 1000), note: note ?? null } });
    return presentIncident(tx, won);
  });
}
