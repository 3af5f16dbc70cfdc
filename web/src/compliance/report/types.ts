/** The report API's answer (src/modules/reports/schemas.ts). Durations in ms; ratios 0..1 or null. */
interface Durations {
  upMs: number;
  degradedMs: number;
  downMs: number;
  maintenanceMs: number;
  pausedMs: number;
  noDataMs: number;
}

interface SlaFields {
  slaTarget: number | null;
  uptime: number | null;
  degradedRatio: number | null;
  meetsSla: boolean | null;
}

export interface MonitorUptime extends Durations, SlaFields {
  monitorId: string;
  name: string;
  type: string;
  service: string | null;
}

export interface ServiceUptime extends Durations, SlaFields {
  service: string;
  monitorIds: string[];
}

export interface ReportGap {
  from: string;
  to: string;
  durationMs: number;
  missedChecks: number;
  cause: string;
  detail: string | null;
}

export interface MonitorCoverage {
  monitorId: string;
  name: string;
  intervalS: number;
  expected: number;
  executed: number;
  missed: number;
  coverage: number | null;
  gaps: ReportGap[];
}

export interface SeverityStats {
  severity: string;
  count: number;
  acknowledged: number;
  resolved: number;
  mttaMs: number | null;
  mttrMs: number | null;
  responseTargetMs: number | null;
  resolutionTargetMs: number | null;
  metResponse: number | null;
  metResolution: number | null;
}

export interface ReviewStats {
  required: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  missing: number;
  onTimeRatio: number | null;
}

export interface ChannelTypeReceipts {
  channelType: string;
  attempts: number;
  delivered: number;
  failed: number;
  retrying: number;
  skipped: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

export interface ChannelTests {
  channelId: string;
  name: string;
  type: string;
  enabled: boolean;
  testsInPeriod: number;
  testsDelivered: number;
  lastTestAt: string | null;
  lastTestStatus: string | null;
}

export interface ScheduleCoverage {
  scheduleId: string;
  name: string;
  coveredMs: number;
  uncoveredMs: number;
  uncoveredHours: number;
  uncovered: Array<{ from: string; to: string }>;
}

export type ChangeKind = 'access' | 'configuration' | 'operations';

export interface ChangeEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  kind: ChangeKind;
  subject: string;
}

export interface Report {
  orgId: string;
  generatedAt: string;
  period: { from: string; to: string; durationMs: number };
  uptime: { monitors: MonitorUptime[]; services: ServiceUptime[] };
  coverage: {
    monitors: MonitorCoverage[];
    totals: { expected: number; executed: number; missed: number; coverage: number | null; gaps: number; gapMs: number };
    gapsByCause: Record<string, { count: number; durationMs: number; missedChecks: number }>;
  };
  incidents: { source: 'incidents' | 'alerts'; bySeverity: SeverityStats[]; reviews: ReviewStats };
  alerts: { bySeverity: SeverityStats[] };
  notifications: { byChannelType: ChannelTypeReceipts[]; channels: ChannelTests[] };
  oncall: { schedules: ScheduleCoverage[]; escalationPolicies: number };
  changes: {
    total: number;
    byKind: Record<ChangeKind, number>;
    byAction: Array<{ action: string; kind: ChangeKind; count: number }>;
    events: ChangeEvent[];
    truncated: boolean;
  };
}
