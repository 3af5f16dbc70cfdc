import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { Incident } from './schemas.ts';
import { getIncidentInOrg, presentIncident, recordTimeline, updateIncident } from './store.ts';

/**
 * Records that the incident's post-incident review is done (called by the reviews module, inside
 * its own transaction when it has one), so the incident may be closed. Doing it again changes nothing.
 */
export async function markReviewDone(ctx: Ctx, incidentId: string): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const won = await updateIncident(tx, incidentId, { review_done_at: now }, (eb) => eb('review_done_at', 'is', null));
    if (!won) return presentIncident(tx, await getIncidentInOrg(tx, incidentId));
    await recordTimeline(tx, incidentId, { kind: 'review.done' });
    await recordAudit(tx, { action: 'incident.review_done', subject: { type: 'incident', id: incidentId }, data: { at: new Date(now).toISOString() } });
    return presentIncident(tx, won);
  });
}
