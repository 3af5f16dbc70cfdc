import { getEscalation } from '../oncall/index.ts';
import { listLinkedPageIncidents } from '../statuspages/index.ts';
import { assertCan, type Ctx } from '../../platform/context.ts';
import { subjectOf } from './escalate.ts';
import type { IncidentDetail } from './schemas.ts';
import { getIncidentInOrg, incidentsDb, presentIncident, toAlert } from './store.ts';

/** One incident with its alerts, its latest escalation and the status-page notices linked to it. */
export async function getIncident({ ctx, id }: { ctx: Ctx; id: string }): Promise<IncidentDetail> {
  assertCan(ctx, 'read');
  const row = await getIncidentInOrg(ctx, id);
  const alerts = await incidentsDb(ctx.db).selectFrom('incident_alerts').selectAll().where('org_id', '=', ctx.orgId).where('incident_id', '=', id).orderBy('attached_at').orderBy('alert_id').execute();
  const notices = await listLinkedPageIncidents({ ctx: { ...ctx, role: 'owner' }, incidentId: id });
  const run = await getEscalation({ ctx: { ...ctx, role: 'owner' }, subject: subjectOf(row) });
  return {
    ...(await presentIncident(ctx, row)),
    alerts: alerts.map(toAlert),
    escalation: run ? { runId: run.id, policyId: run.policyId, status: run.status, startedAt: run.startedAt, endedAt: run.endedAt, endedBy: run.endedBy } : null,
    statusPageIncidents: notices.map((n) => ({ id: n.id, pageId: n.pageId, title: n.title, status: n.status, impact: n.impact })),
  };
}
