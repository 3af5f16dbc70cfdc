import { z } from 'zod';
import { Severity } from './policy-schemas.ts';

export * from './policy-schemas.ts';

export const IncidentStatus = z.enum(['triggered', 'acknowledged', 'resolved', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

const Text = (max: number) => z.string().trim().min(1).max(max);
const UserIds = z.array(z.string().min(1).max(64)).max(20);
const Labels = z.record(z.string().min(1).max(128), z.string().max(1024)).refine((l) => Object.keys(l).length <= 64, 'at most 64 labels');

export const CreateIncidentInput = z.object({
  title: Text(500),
  description: z.string().max(10_000).optional(),
  severity: Severity.optional().describe('default: the policy’s defaultSeverity; calendar rules may raise it'),
  labels: Labels.default({}),
  assignees: UserIds.default([]),
  escalationPolicyId: z.string().min(1).max(200).optional().describe('page through this escalation policy (id or name)'),
  possibleBreach: z.boolean().default(false).describe('starts the 72-hour regulator-notification clock'),
});
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>;

export const ListIncidentsInput = z.object({
  status: z.union([IncidentStatus, z.array(IncidentStatus)]).optional(),
  severity: z.union([Severity, z.array(Severity)]).optional(),
  open: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional().describe('only triggered and acknowledged incidents'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListIncidentsInput = z.input<typeof ListIncidentsInput>;

export const CommentBody = z.object({ comment: Text(2000).optional() });
export const AddCommentInput = z.object({ body: Text(10_000) });
export const ChangeSeverityInput = z.object({ severity: Severity, reason: z.string().trim().max(2000).optional() });
export const SetAssigneesInput = z.object({ assignees: UserIds });
export const FlagBreachInput = z.object({ possibleBreach: z.boolean(), note: z.string().trim().max(2000).optional() });
export const RegulatorNotifiedInput = z.object({
  reference: z.string().trim().max(500).optional().describe('the regulator’s case reference'),
  note: z.string().trim().max(2000).optional(),
  at: z.iso.datetime({ offset: true }).optional().describe('when the regulator was notified; default now'),
});
export const RunbookOpenedInput = z
  .object({ runbookId: z.string().min(1).max(200).optional(), url: z.url().max(2000).optional(), title: z.string().max(500).optional() })
  .refine((v) => v.runbookId || v.url, { message: 'give runbookId or url', path: ['runbookId'] });

const SlaClock = z.object({ dueAt: z.string(), metAt: z.string().nullable(), breachedAt: z.string().nullable() });

export const BreachReminder = z.object({ at: z.string(), hoursElapsed: z.number(), overdue: z.boolean(), recipients: z.array(z.string()) });
export const BreachClock = z.object({
  startedAt: z.string(),
  dueAt: z.string(),
  notifiedAt: z.string().nullable(),
  notifiedBy: z.string().nullable(),
  overdueAt: z.string().nullable(),
  reminders: z.array(BreachReminder),
});

export const IncidentAlert = z.object({
  alertId: z.string(),
  status: z.enum(['firing', 'resolved']),
  summary: z.string(),
  severity: z.string(),
  labels: z.record(z.string(), z.string()),
  attachedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type IncidentAlert = z.infer<typeof IncidentAlert>;

export const Incident = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: IncidentStatus,
  severity: Severity,
  severityReason: z.record(z.string(), z.unknown()),
  source: z.enum(['alert', 'manual']),
  groupKey: z.string().nullable(),
  escalationPolicyId: z.string().nullable(),
  assignees: z.array(z.string()),
  labels: z.record(z.string(), z.string()),
  createdBy: z.string(),
  triggeredAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  reviewRequired: z.boolean(),
  reviewDoneAt: z.string().nullable(),
  mttaSeconds: z.number().nullable().describe('time to acknowledge'),
  mttrSeconds: z.number().nullable().describe('time to resolve'),
  sla: z.object({ response: SlaClock, resolution: SlaClock }),
  possibleBreach: z.boolean(),
  breachClock: BreachClock.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentDetail = Incident.extend({
  alerts: z.array(IncidentAlert),
  escalation: z
    .object({ runId: z.string(), policyId: z.string(), status: z.enum(['active', 'acknowledged', 'stopped']), startedAt: z.string(), endedAt: z.string().nullable(), endedBy: z.string().nullable() })
    .nullable()
    .describe('the latest escalation run (the active one while paging)'),
  statusPageIncidents: z.array(z.object({ id: z.string(), pageId: z.string(), title: z.string(), status: z.string(), impact: z.string() })),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const TimelineEvent = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string().describe('incident.created, alert.attached, alert.resolved, notification.sent, notification.delivered, notification.failed, escalation.*, incident.acknowledged, comment, severity.changed, status_page.update, runbook.opened, sla.breached, breach.*, ...'),
  actor: z.object({ type: z.string(), id: z.string(), display: z.string() }),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const StatsInput = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });
export const SeverityStats = z.object({
  severity: Severity,
  count: z.number(),
  acknowledged: z.number(),
  resolved: z.number(),
  mttaSeconds: z.number().nullable(),
  mttrSeconds: z.number().nullable(),
  responseMetShare: z.number().nullable().describe('of incidents whose response clock has ended or passed its due time, the share answered in time'),
  resolutionMetShare: z.number().nullable(),
});
export const IncidentStats = z.object({ from: z.string(), to: z.string(), total: z.number(), bySeverity: z.array(SeverityStats) });
export type IncidentStats = z.infer<typeof IncidentStats>;
