import { recordAudit } from '../audit/index.ts';
import { acknowledgeEscalation } from '../oncall/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { subjectOf } from './escalate.ts';
import type { Incident } from './schemas.ts';
import { getIncidentInOrg, incidentsDb, presentIncident, recordTimeline } from './store.ts';

/**
 * Acknowledges a triggered incident and stops its paging. A conditional update settles a race:
 * of two people acknowledging at once one wins (and is audited), the other gets the incident as
 * the winner left it. Acknowledging again re-acknowledges a re-page started by an SLA breach.
 */
export async function acknowledgeIncident({ ctx, id, note }: { ctx: Ctx; id: string; note?: string }): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const won = await incidentsDb(tx.db)
      .updateTable('incidents')
      .set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by: tx.actor.display, updated_at: now })
      .where('org_id', '=', tx.orgId)
      .where('id', '=', id)
      .where('status', '=', 'triggered')
      .returningAll()
      .executeTakeFirst();
    if (!won) {
      const row = await getIncidentInOrg(tx, id);
      if (row.status !== 'acknowledged') throw new AppError('INCIDENT_NOT_OPEN', `The incident is ${row.status}`);
      const repage = await acknowledgeEscalation({ ctx: tx, subject: subjectOf(row) });
      if (repage) await recordTimeline(tx, id, { kind: 'escalation.acknowledged', detail: { runId: repage.id } });
      return presentIncident(tx, row);
    }
    const run = await acknowledgeEscalation({ ctx: tx, subject: subjectOf(won) });
    await recordTimeline(tx, id, { kind: 'incident.acknowledged', detail: { ...(note ? { note } : {}), escalationRunId: run?.id ?? null } });
    await recordAudit(tx, { action: 'incident.acknowledged', subject: { type: 'incident', id }, data: { at: new Date(now).toISOString(), mttaSeconds: Math.round((now - Number(won.triggered_at)) / 1000), note: note ?? null } });
    return presentIncident(tx, won);
  });
}
