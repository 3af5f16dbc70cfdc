import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertMembers } from './members.ts';
import type { Incident } from './schemas.ts';
import { getIncidentInOrg, presentIncident, recordTimeline, updateIncident } from './store.ts';

/** Replaces the incident's assignees (members of the organization). */
export async function setAssignees({ ctx, id, assignees }: { ctx: Ctx; id: string; assignees: string[] }): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const row = await getIncidentInOrg(tx, id, true);
    if (row.status === 'closed') throw new AppError('INCIDENT_CLOSED', 'The incident is closed');
    await assertMembers(tx, assignees, 'assignees');
    const after = [...new Set(assignees)];
    const before: string[] = JSON.parse(row.assignees);
    const updated = (await updateIncident(tx, id, { assignees: JSON.stringify(after) }))!;
    const detail = { before, after };
    await recordTimeline(tx, id, { kind: 'assignees.changed', detail });
    await recordAudit(tx, { action: 'incident.assigned', subject: { type: 'incident', id }, data: detail });
    return presentIncident(tx, updated);
  });
}
