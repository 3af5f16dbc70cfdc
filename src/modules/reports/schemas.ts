import { z } from 'zod';

const Instant = z.string().max(40).describe('a date (2026-03-01, midnight UTC), an ISO 8601 time or epoch milliseconds');
const Ms = z.number().describe('milliseconds');
const Ratio = z.number().nullable().describe('0..1; null when nothing was measured');
const MsOrNull = z.number().nullable().describe('milliseconds; null when there is nothing to average');

export const ReportQuery = z.object({
  from: Instant.optional().describe('inclusive; default 30 days before to'),
  to: Instant.optional().describe('exclusive; default and maximum now; at most 366 days after from'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

const durations = {
  upMs: Ms,
  degradedMs: Ms,
  downMs: Ms,
  maintenanceMs: Ms.describe('excluded from uptime'),
  pausedMs: Ms.describe('excluded from uptime'),
  noDataMs: Ms.describe('pending, coverage gaps and time before the monitor existed; excluded from uptime, shown apart'),
};

const slaFields = {
  slaTarget: z.number().nullable().describe('committed uptime in percent (label or setting `sla`); null when none'),
  uptime: Ratio.describe('(up + degraded) / (up + degraded + down)'),
  degradedRatio: Ratio,
  meetsSla: z.boolean().nullable().describe('null without a target or without measured time'),
};

export const MonitorUptime = z.object({ monitorId: z.string(), name: z.string(), type: z.string(), service: z.string().nullable(), ...slaFields, ...durations });
export type MonitorUptime = z.infer<typeof MonitorUptime>;

export const ServiceUptime = z.object({ service: z.string(), monitorIds: z.array(z.string()), ...slaFields, ...durations });
export type ServiceUptime = z.infer<typeof ServiceUptime>;

export const ReportGap = z.object({ from: z.string(), to: z.string(), durationMs: Ms, missedChecks: z.number(), cause: z.string(), detail: z.string().nullable() });
export type ReportGap = z.infer<typeof ReportGap>;

export const MonitorCoverage = z.object({
  monitorId: z.string(),
  name: z.string(),
  intervalS: z.number(),
  expected: z.number(),
  executed: z.number(),
  missed: z.number(),
  coverage: Ratio.describe('min(1, executed / expected)'),
  gaps: z.array(ReportGap),
});
export type MonitorCoverage = z.infer<typeof MonitorCoverage>;

export const CoverageSection = z.object({
  monitors: z.array(MonitorCoverage),
  totals: z.object({ expected: z.number(), executed: z.number(), missed: z.number(), coverage: Ratio, gaps: z.number(), gapMs: Ms }),
  gapsByCause: z.record(z.string(), z.object({ count: z.number(), durationMs: Ms, missedChecks: z.number() })),
});
export type CoverageSection = z.infer<typeof CoverageSection>;

export const SeverityStats = z.object({
  severity: z.string(),
  count: z.number(),
  acknowledged: z.number(),
  resolved: z.number(),
  mttaMs: MsOrNull.describe('mean time from start to acknowledgement, over acknowledged ones'),
  mttrMs: MsOrNull.describe('mean time from start to resolution, over resolved ones'),
  responseTargetMs: z.number().nullable(),
  resolutionTargetMs: z.number().nullable(),
  metResponse: Ratio.describe('share that met the response target: of all alerts; of incidents whose response clock ended or passed its due time'),
  metResolution: Ratio.describe('share that met the resolution target, counted the same way'),
});
export type SeverityStats = z.infer<typeof SeverityStats>;

export const AlertSection = z.object({ bySeverity: z.array(SeverityStats).describe('alerts that started in the period: firing → acknowledged → resolved') });
export type AlertSection = z.infer<typeof AlertSection>;

export const ReviewStats = z.object({
  required: z.number().describe('incidents of the period that need a post-incident review'),
  done: z.number().describe('filed'),
  doneOnTime: z.number().describe('filed by the review due time'),
  overdue: z.number().describe('not filed and past due'),
  missing: z.number().describe('resolved, and no review was opened'),
  onTimeRatio: Ratio.describe('doneOnTime / (done + overdue)'),
});
export type ReviewStats = z.infer<typeof ReviewStats>;

export const IncidentSection = z.object({
  source: z.enum(['incidents', 'alerts']).describe('incidents from the incidents module'),
  bySeverity: z.array(SeverityStats).describe('targets come from each incident\'s SLA clocks, so the target fields are null'),
  reviews: ReviewStats,
});
export type IncidentSection = z.infer<typeof IncidentSection>;

export const ChannelTypeReceipts = z.object({
  channelType: z.string(),
  attempts: z.number(),
  delivered: z.number(),
  failed: z.number(),
  retrying: z.number(),
  skipped: z.number(),
  latencyP50Ms: MsOrNull,
  latencyP95Ms: MsOrNull,
});
export type ChannelTypeReceipts = z.infer<typeof ChannelTypeReceipts>;

export const ChannelTests = z.object({
  channelId: z.string(),
  name: z.string(),
  type: z.string(),
  enabled: z.boolean(),
  testsInPeriod: z.number(),
  testsDelivered: z.number(),
  lastTestAt: z.string().nullable(),
  lastTestStatus: z.string().nullable(),
});
export type ChannelTests = z.infer<typeof ChannelTests>;

export const NotificationSection = z.object({ byChannelType: z.array(ChannelTypeReceipts), channels: z.array(ChannelTests) });
export type NotificationSection = z.infer<typeof NotificationSection>;

export const ScheduleCoverage = z.object({
  scheduleId: z.string(),
  name: z.string(),
  coveredMs: Ms,
  uncoveredMs: Ms,
  uncoveredHours: z.number(),
  uncovered: z.array(z.object({ from: z.string(), to: z.string() })).describe('the spans with nobody on call (at most 200)'),
});
export type ScheduleCoverage = z.infer<typeof ScheduleCoverage>;

export const OncallSection = z.object({ schedules: z.array(ScheduleCoverage), escalationPolicies: z.number() });
export type OncallSection = z.infer<typeof OncallSection>;

const ChangeKind = z.enum(['access', 'configuration', 'operations']).describe('access: sign-ins, members, roles, tokens, keys; operations: alerts, incidents, reviews, tests, exports; configuration: the rest');

export const ChangeEvent = z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), kind: ChangeKind, subject: z.string() });
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export const ChangeSection = z.object({
  total: z.number(),
  byKind: z.object({ access: z.number(), configuration: z.number(), operations: z.number() }),
  byAction: z.array(z.object({ action: z.string(), kind: ChangeKind, count: z.number() })),
  events: z.array(ChangeEvent).describe('oldest first; the latest 5,000 when there are more (truncated says so)'),
  truncated: z.boolean(),
});
export type ChangeSection = z.infer<typeof ChangeSection>;

export const Report = z.object({
  orgId: z.string(),
  generatedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string(), durationMs: Ms }),
  uptime: z.object({ monitors: z.array(MonitorUptime), services: z.array(ServiceUptime) }),
  coverage: CoverageSection,
  incidents: IncidentSection,
  alerts: AlertSection,
  notifications: NotificationSection,
  oncall: OncallSection,
  changes: ChangeSection,
});
export type Report = z.infer<typeof Report>;
