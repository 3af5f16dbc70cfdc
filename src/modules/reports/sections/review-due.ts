import type { Incident } from '../../incidents/index.ts';
import { DAY } from '../../../platform/clock.ts';

/** A required post-incident review is due this long after the incident is resolved. */
export const REVIEW_DUE_MS = 7 * DAY;

/** When the incident's review is due; null while it is unresolved (nothing is due yet). */
export const reviewDueAt = (i: Pick<Incident, 'resolvedAt'>): number | null => (i.resolvedAt ? Date.parse(i.resolvedAt) + REVIEW_DUE_MS : null);
