import { listAuditEvents, recordAudit } from '../audit/index.ts';
import { getIncident, listIncidents, type Incident } from '../incidents/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { dueAtFor, scheduleReminder } from './due.ts';
import { openReview } from './open-review.ts';
import type { ReviewsTable } from './schema.ts';
import { findReviewOfIncident, reviewsDb } from './store.ts';

export interface EnsureReviewsSummary {
  opened: number;
  dueSet: number;
  failed: { incidentId: string; error: string }[];
}

/** What makes an incident need a review: it resolved, or its severity changed (a review once required stays required). */
const TRIGGERS = ['incident.resolved', 'incident.severity_changed'];

/** A draft started before its incident resolved (or before its severity called for a review) gets its due time now. */
async function setDue(ctx: Ctx, review: ReviewsTable, incident: Incident): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const resolvedAt = Date.parse(incident.resolvedAt!);
    const dueAt = await dueAtFor(tx, resolvedAt);
    const won = await reviewsDb(tx.db)
      .updateTable('reviews')
      .set({ required: 1, severity: incident.severity, incident_resolved_at: resolvedAt, due_at: dueAt, updated_at: tx.clock.now() })
      .where('org_id', '=', tx.orgId)
      .where('id', '=', review.id)
      .where('status', '=', 'draft')
      .where('due_at', 'is', null)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) === 0) return false;
    await scheduleReminder(tx, review.id, dueAt, 1);
    await recordAudit(tx, { action: 'review.due_set', subject: { type: 'review', id: review.id }, data: { incidentId: incident.id, severity: incident.severity, dueAt: new Date(dueAt).toISOString() } });
    return true;
  });
}

async function ensureOne(ctx: Ctx, incident: Incident, summary: EnsureReviewsSummary): Promise<void> {
  if (!incident.reviewRequired || incident.reviewDoneAt || !incident.resolvedAt) return;
  try {
    const review = await findReviewOfIncident(ctx, incident.id);
    if (!review) summary.opened += (await openReview({ ctx, input: { incidentId: incident.id } })).created ? 1 : 0;
    else if (review.due_at === null && review.status === 'draft' && (await setDue(ctx, review, incident))) summary.dueSet++;
  } catch (err) {
    summary.failed.push({ incidentId: incident.id, error: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * Makes sure every resolved incident that needs a review has one with a due time: opens the
 * missing drafts and dates the undated ones. Each incident is its own transaction, and a failure
 * is reported in the summary rather than stopping the rest. Reads every resolved incident.
 */
export async function ensureReviews({ ctx }: { ctx: Ctx }): Promise<EnsureReviewsSummary> {
  const summary: EnsureReviewsSummary = { opened: 0, dueSet: 0, failed: [] };
  let cursor: string | undefined;
  do {
    const page = await listIncidents({ ctx, input: { status: 'resolved', limit: 200, cursor } });
    for (const incident of page.data) await ensureOne(ctx, incident, summary);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return summary;
}

/** The same, for only the incidents that resolved or changed severity since `since` (read from the audit chain). */
export async function ensureRecentReviews({ ctx, since }: { ctx: Ctx; since: number }): Promise<EnsureReviewsSummary> {
  const summary: EnsureReviewsSummary = { opened: 0, dueSet: 0, failed: [] };
  const ids = new Set<string>();
  for (const action of TRIGGERS) {
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents({ ctx, input: { action, from: since, limit: 500, cursor } });
      for (const e of page.data) if (e.subject.type === 'incident') ids.add(e.subject.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  for (const id of ids) {
    const incident = await getIncident({ ctx, id }).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (incident) await ensureOne(ctx, incident, summary);
  }
  return summary;
}
