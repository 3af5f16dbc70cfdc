import { z } from 'zod';
import { LabelName, MatcherText } from './routing-document.ts';

export const Severity = z.enum(['critical', 'error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;
export const AlertSourceName = z.enum(['monitor', 'integration', 'self', 'error-rule']);
export const AlertStatusName = z.enum(['firing', 'resolved']);

export const AlertLabels = z.record(LabelName, z.string().max(1024)).refine((l) => Object.keys(l).length <= 64, 'at most 64 labels');
export const Annotations = z.record(z.string().min(1).max(128), z.string().max(10_000)).refine((a) => Object.keys(a).length <= 32, 'at most 32 annotations');

const EpochMs = z.number().int().nonnegative();
const Iso = z.iso.datetime({ offset: true });

export const RaiseAlertInput = z.object({
  dedupKey: z.string().min(1).max(255),
  status: AlertStatusName.default('firing'),
  labels: AlertLabels.default({}),
  annotations: Annotations.default({}).describe('summary, description, runbook, ...'),
  severity: Severity.optional().describe('defaults to the `severity` label, else error'),
  source: AlertSourceName.default('integration'),
  at: EpochMs.optional().describe('when the source saw the change (ms); older events than the last one applied are ignored'),
  startsAt: EpochMs.optional(),
  endsAt: EpochMs.optional(),
  generatorUrl: z.url().max(2000).optional(),
});
export type RaiseAlertInput = z.input<typeof RaiseAlertInput>;

export const ResolveAlertInput = z
  .object({
    id: z.string().min(1).max(64).optional(),
    dedupKey: z.string().min(1).max(255).optional(),
    at: EpochMs.optional(),
    endsAt: EpochMs.optional(),
    annotations: Annotations.optional().describe('merged into the alert (a resolution note, say)'),
  })
  .refine((i) => (i.id === undefined) !== (i.dedupKey === undefined), 'name the alert by id or by dedupKey');
export type ResolveAlertInput = z.infer<typeof ResolveAlertInput>;

export const ResolveAlertBody = z.object({ comment: z.string().trim().min(1).max(1000).optional() });

export const Alert = z.object({
  id: z.string(),
  dedupKey: z.string(),
  status: AlertStatusName,
  severity: Severity,
  source: AlertSourceName,
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  lastSeenAt: z.string(),
  fireCount: z.number(),
  episode: z.number(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  suppressed: z.string().nullable().describe('`maintenance` while the source is in a maintenance window'),
  silencedBy: z.array(z.string()).describe('silence ids that muted the alert at the last flush'),
  inhibitedBy: z.array(z.string()).describe('alert ids that inhibited the alert at the last flush'),
  generatorUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertEvent = z.object({
  id: z.string(),
  at: z.string(),
  episode: z.number(),
  type: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type AlertEvent = z.infer<typeof AlertEvent>;

export const AlertDetail = Alert.extend({
  events: z.array(AlertEvent),
  groups: z.array(z.object({ groupKey: z.string(), routePath: z.string(), receivers: z.array(z.string()), notifiedStatus: AlertStatusName.nullable() })),
});
export type AlertDetail = z.infer<typeof AlertDetail>;

export const ListAlertsInput = z.object({
  status: AlertStatusName.optional(),
  source: AlertSourceName.optional(),
  severity: Severity.optional(),
  matcher: z.union([MatcherText, z.array(MatcherText)]).optional().describe('label matchers, all must match: env="prod", service=~"api|web"'),
  from: Iso.optional().describe('only alerts active at or after this time'),
  to: Iso.optional().describe('only alerts that started at or before this time'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export type ListAlertsInput = z.infer<typeof ListAlertsInput>;

export const SilenceStatus = z.enum(['pending', 'active', 'expired']);

export const CreateSilenceInput = z
  .object({
    matchers: z.array(MatcherText).min(1).max(32),
    startsAt: Iso.optional().describe('defaults to now'),
    endsAt: Iso.optional(),
    duration: z.string().max(32).optional().describe('instead of endsAt: 2h, 1d12h'),
    comment: z.string().trim().min(1).max(1000),
  })
  .refine((i) => (i.endsAt === undefined) !== (i.duration === undefined), { message: 'give endsAt or duration', path: ['endsAt'] });
export type CreateSilenceInput = z.infer<typeof CreateSilenceInput>;

export const Silence = z.object({
  id: z.string(),
  matchers: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  status: SilenceStatus,
  comment: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Silence = z.infer<typeof Silence>;

export const ListSilencesInput = z.object({
  status: SilenceStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export type ListSilencesInput = z.infer<typeof ListSilencesInput>;

export const RoutingState = z.object({
  version: z.number().describe('0 until the first save'),
  document: z.record(z.string(), z.unknown()),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type RoutingState = z.infer<typeof RoutingState>;

export const RouteTestInput = z.object({
  labels: AlertLabels,
  document: z.record(z.string(), z.unknown()).optional().describe('test an unsaved routing document instead of the saved one'),
});
export type RouteTestInput = z.infer<typeof RouteTestInput>;

export const RouteMatch = z.object({
  path: z.string().describe('the route in the document; empty for the root'),
  routeId: z.string(),
  receivers: z.array(z.string()),
  groupBy: z.array(z.string()),
  groupKey: z.string(),
  groupWait: z.string(),
  groupInterval: z.string(),
  repeatInterval: z.string(),
  escalationPolicy: z.string().nullable(),
  continue: z.boolean(),
});

export const RouteTestResult = z.object({
  version: z.number().nullable().describe('the saved version tested; null for an unsaved document'),
  routes: z.array(RouteMatch),
  silencedBy: z.array(z.object({ id: z.string(), matchers: z.array(z.string()), endsAt: z.string(), createdBy: z.string(), comment: z.string() })),
  inhibitedBy: z.array(z.object({ rule: z.string(), alerts: z.array(z.object({ id: z.string(), dedupKey: z.string() })) })),
  muted: z.boolean().describe('whether a silence or an inhibition would hold the notification back'),
});
export type RouteTestResult = z.infer<typeof RouteTestResult>;
