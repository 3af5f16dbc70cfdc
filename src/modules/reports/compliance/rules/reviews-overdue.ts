import { REVIEW_DUE_MS, reviewDueAt } from '../../sections/review-due.ts';
import { ISO, SOC2, type ComplianceRule } from '../rule.ts';

const days = Math.round(REVIEW_DUE_MS / 86_400_000);

/** Incidents of the last year whose required post-incident review is past due and not done; a P0's is high severity. */
export const reviewsOverdue: ComplianceRule = {
  id: 'reviews-overdue',
  title: 'Post-incident reviews missing or overdue',
  severity: 'medium',
  controls: [SOC2('CC7.4'), SOC2('CC7.5'), ISO('A.5.27'), ISO('A.5.28')],
  remedy: `Hold and record the post-incident review of each incident that requires one within ${days} days of its resolution, with its corrective actions.`,
  evaluate({ incidents, now }) {
    return {
      findings: incidents
        .filter((i) => i.reviewRequired && !i.reviewDoneAt && (reviewDueAt(i) ?? Infinity) < now)
        .map((i) => ({
          severity: i.severity === 'P0' ? ('high' as const) : undefined,
          message: `${i.severity} incident "${i.title}" resolved ${i.resolvedAt} has no post-incident review (due ${new Date(reviewDueAt(i)!).toISOString()}).`,
          objects: [{ type: 'incident', id: i.id, name: i.title }],
        })),
    };
  },
};
