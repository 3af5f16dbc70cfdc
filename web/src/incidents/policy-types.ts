import type { Role } from '../api/types.ts';
import type { Severity } from './types.ts';

export interface Tier {
  responseMinutes: number;
  resolutionMinutes: number;
}

export interface LabelRule {
  name?: string;
  matchers: string[];
  severity: Severity;
}

export interface CalendarRule {
  name: string;
  dates: string[];
  from: Severity[];
  to: Severity;
}

export interface SeverityPolicyDocument {
  timeZone: string;
  tiers: Record<Severity, Tier>;
  defaultSeverity: Severity;
  alertSeverity: Record<'critical' | 'error' | 'warning' | 'info', Severity>;
  labelRules: LabelRule[];
  calendarRules: CalendarRule[];
  reviewRequired: Severity[];
  breachNotification: { roles: Role[]; userIds: string[]; channelIds: string[]; escalationPolicyId: string | null };
}

export interface SeverityPolicy {
  version: number;
  document: SeverityPolicyDocument;
  updatedAt: string | null;
  updatedBy: string | null;
}
