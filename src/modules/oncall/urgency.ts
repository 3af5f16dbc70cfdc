import type { Urgency } from './escalation-schemas.ts';
import type { NotificationRulesTable } from './schema.ts';

export const ESCALATION_STEP_JOB = 'escalation.step';
export const ESCALATION_PAGE_JOB = 'escalation.page';

/** P0 and P1 (and critical or error alerts) page at high urgency; everything else at low. */
export function urgencyOf(severity: string): Urgency {
  return /^(p0|p1|critical|error|high)$/i.test(severity.trim()) ? 'high' : 'low';
}

export const ruleApplies = (rule: NotificationRulesTable, urgency: Urgency) => rule.urgency === 'any' || rule.urgency === urgency;

export const activeKeyOf = (orgId: string, subject: { type: string; id: string }) => `${orgId}:${subject.type}:${subject.id}`;

/** The idempotency key of a step job (`esc:<run>:<repeat>:<step>`) or of one page in it (`…:<rule>`). */
export const escalationKey = (runId: string, repeat: number, step: number, rule?: string) => `esc:${runId}:${repeat}:${step}${rule === undefined ? '' : `:${rule}`}`;
