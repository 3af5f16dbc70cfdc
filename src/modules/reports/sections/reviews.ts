import type { Incident } from '../../incidents/index.ts';
import { listReviews, type Review } from '../../reviews/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import { ratio } from '../collect.ts';
import type { ReviewStats } from '../schemas.ts';
import { reviewDueAt } from './review-due.ts';

/** Reviews created at or after `since`, read newest first. */
export async function reviewsSince(ctx: Ctx, since: number): Promise<Review[]> {
  const found: Review[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listReviews({ ctx, input: { limit: 500, cursor } });
    found.push(...page.data.filter((r) => Date.parse(r.createdAt) >= since));
    const last = page.data.at(-1);
    if (!page.nextCursor || !last || Date.parse(last.createdAt) < since) return found;
    cursor = page.nextCursor;
  }
}

export interface ReviewState {
  incident: Incident;
  review: Review | null;
  /** The review's due time, or for a resolved incident still without a review the fallback; null while unresolved. */
  dueAt: number | null;
  doneAt: number | null;
  overdue: boolean;
  /** Resolved, requires a review, and none was opened. */
  missing: boolean;
}

/** The review state of each incident that requires a post-incident review. */
export function reviewStates(incidents: Incident[], reviews: Review[], now: number): ReviewState[] {
  const byIncident = new Map(reviews.map((r) => [r.incidentId, r]));
  return incidents
    .filter((i) => i.reviewRequired)
    .map((incident) => {
      const review = byIncident.get(incident.id) ?? null;
      const due = review?.dueAt ?? null;
      const dueAt = due ? Date.parse(due) : reviewDueAt(incident);
      const filed = review?.filedAt ?? incident.reviewDoneAt;
      const doneAt = filed ? Date.parse(filed) : null;
      return { incident, review, dueAt, doneAt, overdue: doneAt === null && dueAt !== null && dueAt <= now, missing: review === null && incident.resolvedAt !== null };
    });
}

export function reviewStats(states: ReviewState[]): ReviewStats {
  const done = states.filter((s) => s.doneAt !== null);
  const doneOnTime = done.filter((s) => s.dueAt !== null && s.doneAt! <= s.dueAt).length;
  const overdue = states.filter((s) => s.overdue).length;
  return { required: states.length, done: done.length, doneOnTime, overdue, missing: states.filter((s) => s.missing).length, onTimeRatio: ratio(doneOnTime, done.length + overdue) };
}
