import { z } from 'zod';

export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

const StringMap = z.record(z.string(), z.string());

export const NotificationAlert = z.object({
  id: z.string().min(1),
  dedupKey: z.string(),
  status: z.enum(['firing', 'resolved']),
  severity: Severity,
  summary: z.string(),
  description: z.string().optional(),
  labels: StringMap,
  annotations: StringMap,
  startsAt: z.string(),
  endsAt: z.string().optional(),
  runbookUrl: z.string().optional(),
  url: z.string().optional(),
});
export type NotificationAlert = z.infer<typeof NotificationAlert>;

/** One person a page is for: email and SMS/voice channels send to them instead of their configured `to`. */
export const NotificationRecipient = z.object({
  name: z.string().max(200),
  email: z.email().max(320).optional(),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number').optional(),
});
export type NotificationRecipient = z.infer<typeof NotificationRecipient>;

/** What the alerts module asks to have delivered; the shape is the contract between the two modules. */
export const NotificationMessage = z.object({
  kind: z.enum(['alert.firing', 'alert.resolved', 'alert.acknowledged', 'test']),
  org: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  groupKey: z.string().min(1),
  alerts: z.array(NotificationAlert),
  links: z.object({ alerts: z.string().optional(), incident: z.string().optional(), runbook: z.string().optional(), acknowledge: z.string().optional() }),
  responseSla: z.string().optional(),
  recipient: NotificationRecipient.optional(),
});
export type NotificationMessage = z.infer<typeof NotificationMessage>;

export const NOTIFICATION_SEND = 'notification.send';
export const ALERT_RAISE = 'alert.raise';

/** The `notification.send` job payload; `fallback` marks a delivery to the organization's fallback channel. */
export const SendNotificationPayload = z.object({
  orgId: z.string().min(1),
  channelId: z.string().min(1),
  dispatchId: z.string().min(1),
  message: NotificationMessage,
  fallback: z.boolean().optional(),
});
export type SendNotificationPayload = z.infer<typeof SendNotificationPayload>;

const RANK: Record<Severity, number> = { critical: 0, error: 1, warning: 2, info: 3 };

/** The most severe level among the alerts still firing (or among all, when none is). */
export function topSeverity(message: NotificationMessage): Severity {
  const firing = message.alerts.filter((a) => a.status === 'firing');
  const pool = firing.length > 0 ? firing : message.alerts;
  return pool.reduce<Severity>((top, a) => (RANK[a.severity] < RANK[top] ? a.severity : top), 'info');
}

export const STATUS_WORD: Record<NotificationMessage['kind'], string> = {
  'alert.firing': 'FIRING',
  'alert.resolved': 'RESOLVED',
  'alert.acknowledged': 'ACKNOWLEDGED',
  test: 'TEST',
};

/** Where the alert comes from, for receivers with a `source` field. */
export function sourceOf(message: NotificationMessage): string {
  const labels = message.alerts[0]?.labels ?? {};
  return labels.instance || labels.service || labels.monitor || labels.source || labels.job || 'custos';
}
