import { matches, parseMatcher, type Matcher } from '../alerts/index.ts';
import { SEVERITIES, type Severity, type SeverityPolicyDocument } from './policy-schemas.ts';

export interface SeverityReason {
  source: 'label-rule' | 'alert-severity' | 'given' | 'default' | 'changed';
  rule?: string;
  base: Severity;
  calendarRule?: string;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);
export const higher = (a: Severity, b: Severity): Severity => (rank(a) <= rank(b) ? a : b);

const compiled = (texts: string[]): Matcher[] => texts.map((t) => (parseMatcher(t) as { matcher: Matcher }).matcher);

/** The day (`YYYY-MM-DD`) that `at` falls on in the time zone. */
export function dayIn(timeZone: string, at: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** Raises the severity when a calendar rule lists today (in the policy's time zone). */
export function applyCalendar(policy: SeverityPolicyDocument, base: Severity, at: number): { severity: Severity; calendarRule?: string } {
  const today = dayIn(policy.timeZone, at);
  let severity = base;
  let calendarRule: string | undefined;
  for (const rule of policy.calendarRules) {
    if (!rule.dates.includes(today) || !rule.from.includes(base)) continue;
    if (rank(rule.to) < rank(severity)) {
      severity = rule.to;
      calendarRule = rule.name;
    }
  }
  return { severity, ...(calendarRule ? { calendarRule } : {}) };
}

type AlertFacts = { labels: Record<string, string>; severity: string };

/** One alert's severity: the first label rule that matches it, else its own severity mapped through the policy. */
function alertSeverity(policy: SeverityPolicyDocument, alert: AlertFacts): { severity: Severity; source: SeverityReason['source']; rule?: string } {
  for (const [i, rule] of policy.labelRules.entries()) {
    if (compiled(rule.matchers).every((m) => matches(m, alert.labels))) return { severity: rule.severity, source: 'label-rule', rule: rule.name ?? `labelRules.${i}` };
  }
  const mapped = policy.alertSeverity[alert.severity as keyof SeverityPolicyDocument['alertSeverity']];
  return mapped ? { severity: mapped, source: 'alert-severity' } : { severity: policy.defaultSeverity, source: 'default' };
}

/** The severity of an incident made of these alerts at `at`: the highest of its alerts', raised by the calendar. */
export function severityOfAlerts(policy: SeverityPolicyDocument, alerts: AlertFacts[], at: number): { severity: Severity; reason: SeverityReason } {
  let best: ReturnType<typeof alertSeverity> | null = null;
  for (const alert of alerts) {
    const found = alertSeverity(policy, alert);
    if (!best || rank(found.severity) < rank(best.severity)) best = found;
  }
  const base = best ?? { severity: policy.defaultSeverity, source: 'default' as const };
  const raised = applyCalendar(policy, base.severity, at);
  return { severity: raised.severity, reason: { source: base.source, ...('rule' in base && base.rule ? { rule: base.rule } : {}), base: base.severity, ...(raised.calendarRule ? { calendarRule: raised.calendarRule } : {}) } };
}

/** A manual incident's severity: as given (or the default), raised by the calendar. */
export function severityOfManual(policy: SeverityPolicyDocument, given: Severity | undefined, at: number): { severity: Severity; reason: SeverityReason } {
  const base = given ?? policy.defaultSeverity;
  const raised = applyCalendar(policy, base, at);
  return { severity: raised.severity, reason: { source: given ? 'given' : 'default', base, ...(raised.calendarRule ? { calendarRule: raised.calendarRule } : {}) } };
}
