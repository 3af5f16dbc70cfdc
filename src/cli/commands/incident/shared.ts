import type { Incident } from '../../../modules/incidents/index.ts';

export const orgOption = { org: { type: 'string' as const, description: 'Organization slug', required: true } };
export const noteOption = { comment: { type: 'string' as const, description: 'A note for the timeline' } };

/** One table row per incident. */
export const row = (i: Incident) => ({ id: i.id, severity: i.severity, status: i.status, title: i.title, triggered: i.triggeredAt, responseDue: i.sla.response.dueAt, acknowledgedBy: i.acknowledgedBy ?? '' });
export const COLUMNS = ['id', 'severity', 'status', 'title', 'triggered', 'responseDue', 'acknowledgedBy'];
