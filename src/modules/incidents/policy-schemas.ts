import { z } from 'zod';
import { parseMatcher } from '../alerts/index.ts';
import { ROLES } from '../../platform/context.ts';

export const SEVERITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

const MatcherText = z.string().min(1).max(1024).superRefine((text, ctx) => {
  const parsed = parseMatcher(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
});

const Minutes = z.number().int().min(1).max(525_600);
export const Tier = z.object({
  responseMinutes: Minutes.describe('first-response target: acknowledged within this many minutes'),
  resolutionMinutes: Minutes.describe('resolution target'),
});
export type Tier = z.infer<typeof Tier>;

export const LabelRule = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  matchers: z.array(MatcherText).min(1).max(20).describe('all must match one of the incident’s alerts'),
  severity: Severity,
});
export type LabelRule = z.infer<typeof LabelRule>;

const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const IsoDate = z.string().refine(isDay, 'a calendar date such as 2027-01-31');
export const CalendarRule = z.object({
  name: z.string().trim().min(1).max(200),
  dates: z.array(IsoDate).min(1).max(366).describe('days in the policy’s time zone'),
  from: z.array(Severity).min(1).describe('severities this rule raises'),
  to: Severity,
});
export type CalendarRule = z.infer<typeof CalendarRule>;

const validZone = (zone: string) => {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
};

export const BreachNotification = z.object({
  roles: z.array(z.enum(ROLES)).max(5).default(['owner']).describe('members with these roles are named in every reminder'),
  userIds: z.array(z.string().min(1).max(64)).max(50).default([]),
  channelIds: z.array(z.string().min(1).max(64)).max(20).default([]).describe('channels that receive each reminder'),
  escalationPolicyId: z.string().min(1).max(200).nullable().default(null).describe('pages through this escalation policy on each reminder'),
});

export const SeverityPolicyDocument = z.object({
  timeZone: z.string().max(64).refine(validZone, 'an IANA time zone such as Europe/London').default('UTC'),
  tiers: z.object({ P0: Tier, P1: Tier, P2: Tier, P3: Tier }),
  defaultSeverity: Severity.default('P2').describe('for alerts no rule matches and manual incidents without a severity'),
  alertSeverity: z
    .object({ critical: Severity, error: Severity, warning: Severity, info: Severity })
    .default({ critical: 'P1', error: 'P2', warning: 'P3', info: 'P3' })
    .describe('severity from the alerts’ own severity when no label rule matches'),
  labelRules: z.array(LabelRule).max(200).default([]).describe('in order; the first matching rule gives an alert’s severity'),
  calendarRules: z.array(CalendarRule).max(100).default([]),
  reviewRequired: z.array(Severity).default(['P0', 'P1']).describe('severities that need a post-incident review before closing'),
  breachNotification: BreachNotification.default({ roles: ['owner'], userIds: [], channelIds: [], escalationPolicyId: null }),
});
export type SeverityPolicyDocument = z.infer<typeof SeverityPolicyDocument>;
export type SeverityPolicyInput = z.input<typeof SeverityPolicyDocument>;

export const SeverityPolicy = z.object({
  version: z.number().describe('0 while the defaults apply'),
  document: SeverityPolicyDocument,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SeverityPolicy = z.infer<typeof SeverityPolicy>;

const MINUTE = 1;
const HOUR = 60 * MINUTE;
export const DEFAULT_TIERS: SeverityPolicyDocument['tiers'] = {
  P0: { responseMinutes: 15, resolutionMinutes: 2 * HOUR },
  P1: { responseMinutes: HOUR, resolutionMinutes: 4 * HOUR },
  P2: { responseMinutes: 4 * HOUR, resolutionMinutes: 24 * HOUR },
  P3: { responseMinutes: 24 * HOUR, resolutionMinutes: 14 * 24 * HOUR },
};

export const DEFAULT_POLICY: SeverityPolicyDocument = SeverityPolicyDocument.parse({ tiers: DEFAULT_TIERS });
