import { recordAudit } from '../audit/index.ts';
import { getIncident, markReviewDone } from '../incidents/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Review } from './schemas.ts';
import { getReviewInOrg, presentReview, reviewsDb } from './store.ts';

const SECTIONS = [
  ['summary', 'summary'],
  ['impact', 'impact'],
  ['contributing_factors', 'contributingFactors'],
] as const;

/**
 * Files the review (draft → filed) once its incident is resolved and its sections are written, and
 * marks the incident's review done in the same transaction, so the incident may close. Filing a
 * filed review answers it as it is.
 */
export async function fileReview({ ctx, id }: { ctx: Ctx; id: string }): Promise<Review> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const row = await getReviewInOrg(tx, id);
    if (row.status === 'filed') return presentReview(tx, row);
    const incident = await getIncident({ ctx: tx, id: row.incident_id });
    if (incident.status !== 'resolved' && incident.status !== 'closed') throw new AppError('REVIEW_INCIDENT_OPEN', `The incident is ${incident.status}; resolve it before filing its review`);
    const issues = SECTIONS.filter(([column]) => !row[column].trim()).map(([, path]) => ({ path, message: 'write this section before filing' }));
    if (issues.length > 0) throw new AppError('REVIEW_INCOMPLETE', `Write ${issues.map((i) => i.path).join(', ')} before filing`, { details: { issues } });
    const now = tx.clock.now();
    const won = await reviewsDb(tx.db)
      .updateTable('reviews')
      .set({ status: 'filed', filed_at: now, filed_by: tx.actor.display, updated_at: now })
      .where('org_id', '=', tx.orgId)
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    if (!won) return presentReview(tx, await getReviewInOrg(tx, id));
    await markReviewDone(tx, row.incident_id);
    const late = row.due_at !== null && Number(row.due_at) < now;
    await recordAudit(tx, { action: 'review.file', subject: { type: 'review', id }, data: { incidentId: row.incident_id, severity: row.severity, dueAt: row.due_at === null ? null : new Date(Number(row.due_at)).toISOString(), late } });
    return presentReview(tx, won);
  });
}
