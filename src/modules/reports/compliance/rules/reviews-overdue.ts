import { REVIEW_DUE_MS } from '../../sections/review-due.ts';
import { ISO, SOC2, type ComplianceRule } from '../rule.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Incidents of the last year whose required post-incident review is past due and not filed: a
 * draft past its due time, or (never opened) 7 days after resolution. A P0's is high severity.
 */
export const reviewsOverdue: ComplianceRule = {
  id: 'reviews-overdue',
  title: 'Post-incident reviews missing or overdue',
  severity: 'medium',
  controls: [SOC2('CC7.4'), SOC2('CC7.5'), ISO('A.5.27'), ISO('A.5.28')],
  remedy: `Open and file the post-incident review of each incident that requires one by its due time (without a review, ${Math.round(REVIEW_DUE_MS / 86_400_000)} days after resolution), with its corrective actions.`,
  evaluate({ reviews }) {
    return {
      findings: reviews
        .filter((s) => s.overdue)
        .map(({ incident, review, dueAt, missing }) => ({
          severity: incident.severity === 'P0' ? ('high' as const) : undefined,
          message: `${incident.severity} incident "${incident.title}" (resolved ${incident.resolvedAt}) ${missing ? 'has no post-incident review' : 'has a draft review not filed'}, due ${iso(dueAt!)}.`,
          objects: [{ type: 'incident', id: incident.id, name: incident.title }, ...(review ? [{ type: 'review', id: review.id, name: review.incidentTitle }] : [])],
        })),
    };
  },
};
