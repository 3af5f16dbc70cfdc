import { recordAudit } from '../audit/index.ts';
import { getIncident, getTimeline } from '../incidents/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { dueAtFor, scheduleReminder } from './due.ts';
import { reviewTemplate } from './prefill.ts';
import type { ReviewsTable } from './schema.ts';
import type { OpenReviewInput, Review } from './schemas.ts';
import { findReviewOfIncident, presentReview, reviewsDb } from './store.ts';

/**
 * Starts the incident's review as a draft pre-filled from the incident (summary, impact, timeline),
 * or answers the one it has. A required review of a resolved incident gets its due time and its
 * overdue reminder at once.
 */
export async function openReview({ ctx, input }: { ctx: Ctx; input: OpenReviewInput }): Promise<{ review: Review; created: boolean }> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const existing = await findReviewOfIncident(tx, input.incidentId);
    if (existing) return { review: await presentReview(tx, existing), created: false };
    const incident = await getIncident({ ctx: tx, id: input.incidentId });
    const template = reviewTemplate(incident, await getTimeline({ ctx: tx, id: incident.id }));
    const resolvedAt = incident.resolvedAt ? Date.parse(incident.resolvedAt) : null;
    const dueAt = resolvedAt !== null && incident.reviewRequired ? await dueAtFor(tx, resolvedAt) : null;
    const now = tx.clock.now();
    const row: ReviewsTable = {
      id: newId(now),
      org_id: tx.orgId,
      incident_id: incident.id,
      status: 'draft',
      required: incident.reviewRequired ? 1 : 0,
      incident_title: incident.title,
      severity: incident.severity,
      incident_resolved_at: resolvedAt,
      due_at: dueAt,
      summary: template.summary,
      impact: template.impact,
      timeline: JSON.stringify(template.timeline),
      contributing_factors: '',
      filed_at: null,
      filed_by: null,
      reminder_count: 0,
      last_reminded_at: null,
      created_at: now,
      updated_at: now,
    };
    const inserted = await reviewsDb(tx.db)
      .insertInto('reviews')
      .values(row)
      .onConflict((oc) => oc.columns(['org_id', 'incident_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { review: await presentReview(tx, (await findReviewOfIncident(tx, incident.id))!), created: false };
    if (dueAt !== null) await scheduleReminder(tx, row.id, dueAt, 1);
    await recordAudit(tx, {
      action: 'review.create',
      subject: { type: 'review', id: row.id },
      data: { incidentId: incident.id, severity: incident.severity, required: incident.reviewRequired, dueAt: dueAt === null ? null : new Date(dueAt).toISOString() },
    });
    return { review: await presentReview(tx, row), created: true };
  });
}
