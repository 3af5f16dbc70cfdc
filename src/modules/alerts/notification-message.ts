import type { Ctx } from '../../platform/context.ts';
import { memoized } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { listOrganizations } from '../auth/index.ts';
import type { AlertsTable, Severity } from './schema.ts';
import { iso } from './store.ts';

/** The job kind the notifications module handles; alerts never import that module. */
export const NOTIFICATION_JOB = 'notification.send';

export type NotificationKind = 'alert.firing' | 'alert.resolved' | 'alert.acknowledged' | 'test';

export interface NotificationAlert {
  id: string;
  dedupKey: string;
  status: 'firing' | 'resolved';
  severity: Severity;
  summary: string;
  description?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  runbookUrl?: string;
  url?: string;
}

/** The message every channel renders; the contract with the notifications module. */
export interface NotificationMessage {
  kind: NotificationKind;
  org: { id: string; name: string };
  title: string;
  groupKey: string;
  alerts: NotificationAlert[];
  links: { alerts?: string; incident?: string; runbook?: string; acknowledge?: string };
  responseSla?: string;
}

export interface NotificationJobPayload {
  orgId: string;
  channelId: string;
  dispatchId: string;
  message: NotificationMessage;
}

function common(alerts: NotificationAlert[], names: string[]): string | undefined {
  for (const name of names) {
    const values = new Set(alerts.map((a) => a.labels[name]));
    if (values.size === 1 && alerts[0].labels[name]) return alerts[0].labels[name];
  }
  return undefined;
}

/** `[FIRING:2] MonitorDown — api (prod)`: the status, the alert name, and what the alerts share. */
export function titleOf(kind: NotificationKind, alerts: NotificationAlert[]): string {
  const firing = alerts.filter((a) => a.status === 'firing').length;
  const prefix = kind === 'alert.acknowledged' ? '[ACKNOWLEDGED]' : kind === 'alert.resolved' ? '[RESOLVED]' : `[FIRING:${firing}]`;
  const name = common(alerts, ['alertname']) ?? (alerts.length === 1 ? alerts[0].summary : `${alerts.length} alerts`);
  const subject = common(alerts, ['monitor', 'service', 'instance', 'job']);
  const env = common(alerts, ['env', 'environment']);
  const where = subject ? ` — ${subject}${env ? ` (${env})` : ''}` : env ? ` (${env})` : '';
  return `${prefix} ${name}${where}`;
}

export function toNotificationAlert(row: AlertsTable, publicUrl: string | undefined): NotificationAlert {
  const labels = JSON.parse(row.labels) as Record<string, string>;
  const annotations = JSON.parse(row.annotations) as Record<string, string>;
  const runbookUrl = annotations.runbook ?? annotations.runbook_url;
  const url = row.generator_url ?? (publicUrl ? `${publicUrl.replace(/\/$/, '')}/alerts/${row.id}` : undefined);
  return {
    id: row.id,
    dedupKey: row.dedup_key,
    status: row.status,
    severity: row.severity,
    summary: annotations.summary ?? labels.alertname ?? row.dedup_key,
    ...(annotations.description ? { description: annotations.description } : {}),
    labels,
    annotations,
    startsAt: iso(row.starts_at)!,
    ...(row.status === 'resolved' && row.ends_at !== null ? { endsAt: iso(row.ends_at)! } : {}),
    ...(runbookUrl ? { runbookUrl } : {}),
    ...(url ? { url } : {}),
  };
}

const order = (a: NotificationAlert) => `${a.startsAt} ${a.dedupKey}`;

async function orgOf(ctx: Ctx): Promise<{ id: string; name: string }> {
  return memoized(ctx.db, `org:${ctx.orgId}`, async () => {
    const [org] = await listOrganizations({ ctx: { ...ctx, role: 'owner' }, userId: null });
    return { id: org.id, name: org.name };
  });
}

export async function buildMessage(ctx: Ctx, kind: NotificationKind, groupKey: string, rows: AlertsTable[]): Promise<NotificationMessage> {
  const base = ctx.config.publicUrl?.replace(/\/$/, '');
  const alerts = rows.map((r) => toNotificationAlert(r, base)).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const runbook = alerts.find((a) => a.runbookUrl)?.runbookUrl;
  return {
    kind,
    org: await orgOf(ctx),
    title: titleOf(kind, alerts),
    groupKey,
    alerts,
    links: { ...(base ? { alerts: `${base}/alerts?group=${encodeURIComponent(groupKey)}` } : {}), ...(runbook ? { runbook } : {}) },
  };
}

/** Enqueues one `notification.send` job per receiver in the caller's transaction; returns the dispatch id. */
export async function dispatchNotification(ctx: Ctx, receivers: string[], message: NotificationMessage): Promise<string> {
  const now = ctx.clock.now();
  const dispatchId = newId(now);
  for (const channelId of new Set(receivers)) {
    const payload: NotificationJobPayload = { orgId: ctx.orgId, channelId, dispatchId, message };
    await enqueueJob(ctx.db, now, { kind: NOTIFICATION_JOB, orgId: ctx.orgId, dueAt: now, idempotencyKey: `notify:${dispatchId}:${channelId}`, payload });
  }
  return dispatchId;
}
