import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Incident } from './schemas.ts';
import { getIncidentInOrg, presentIncident, recordTimeline, updateIncident } from './store.ts';

/** Closes a resolved incident; one that needs a post-incident review closes only once the review is done. */
export async function closeIncident({ ctx, id, note }: { ctx: Ctx; id: string; note?: string }): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const won = await updateIncident(tx, id, { status: 'closed', closed_at: now, closed_by: tx.actor.display }, (eb) =>
      eb.and([eb('status', '=', 'resolved'), eb.or([eb('review_required', '=', 0), eb('review_done_at', 'is not', null)])]),
    );
    if (!won) {
      const row = await getIncidentInOrg(tx, id);
      if (row.status === 'closed') return presentIncident(tx, row);
      if (row.status !== 'resolved') throw new AppError('INCIDENT_NOT_RESOLVED', `The incident is ${row.status}; resolve it first`);
      throw new AppError('INCIDENT_REVIEW_REQUIRED', `A ${row.severity} incident needs its post-incident review before it can be closed`, { details: { severity: row.severity } });
    }
    await recordTimeline(tx, id, { kind: 'incident.closed', detail: note ? { note } : null });
    await recordAudit(tx, { action: 'incident.closed', subject: { type: 'incident', id }, data: { at: new Date(now).toISOString(), reviewRequired: Boolean(Number(won.review_required)), note: note ?? null } });
    return presentIncident(tx, won);
  });
}
