import type { Incident } from '../../incidents/index.ts';
import { DAY } from '../../../platform/clock.ts';

/** When no review was opened for a resolved incident, its review counts as due this long after resolution (the reviews module's own default is 5 business days). */
export const REVIEW_DUE_MS = 7 * DAY;

/** The fallback due time; null while the incident is unresolved (nothing is due yet). */
export const reviewDueAt = (i: Pick<Incident, 'resolvedAt'>): number | null => (i.resolvedAt ? Date.parse(i.resolvedAt) + REVIEW_DUE_MS : null);
