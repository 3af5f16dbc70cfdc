import type { TimelineEvent } from './types.ts';

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const NAMES: Record<string, string> = {
  'incident.created': 'Incident opened',
  'incident.acknowledged': 'Acknowledged',
  'incident.resolved': 'Resolved',
  'incident.closed': 'Closed',
  'alert.attached': 'Alert attached',
  'alert.resolved': 'Alert resolved',
  'notification.sent': 'Notification sent',
  'notification.delivered': 'Notification delivered',
  'notification.failed': 'Notification failed',
  'escalation.started': 'Escalation started',
  'escalation.step': 'Escalation step',
  'escalation.acknowledged': 'Escalation stopped: acknowledged',
  'escalation.stopped': 'Escalation stopped',
  'page.sent': 'Paged',
  'page.failed': 'Page failed',
  comment: 'Comment',
  'severity.changed': 'Severity changed',
  'assignees.changed': 'Assignees changed',
  'status_page.update': 'Status page updated',
  'runbook.opened': 'Runbook opened',
  'sla.breached': 'SLA breached',
  'breach.flagged': 'Possible data breach flagged',
  'breach.reminder': 'Breach reminder',
  'breach.notified': 'Regulator notified',
  'review.done': 'Review filed',
  'escalation.failed': 'Escalation failed',
  'incident.reopened': 'Reopened',
};

export interface Names {
  user: (id: string) => string;
  channel: (id: string) => string;
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

function delivery(d: Record<string, unknown>, names: Names): string | undefined {
  const who = text(d.userId) ? names.user(d.userId as string) : undefined;
  const how = text(d.method) && d.method !== 'channel' ? `by ${d.method as string}` : undefined;
  const via = text(d.channelId) ? `via ${names.channel(d.channelId as string)}` : undefined;
  const answer = num(d.statusCode) !== undefined ? `answered ${d.statusCode as number}` : undefined;
  return [who, how, via, answer, text(d.reason) ?? text(d.error)].filter(Boolean).join(' ') || undefined;
}

/** An event in words, with its most useful detail. */
export function describeEvent(e: TimelineEvent, names: Names): { title: string; detail?: string } {
  const d = e.detail ?? {};
  const title = NAMES[e.kind] ?? e.kind.replaceAll(/[._]/g, ' ');
  switch (e.kind) {
    case 'severity.changed':
      return { title: `Severity ${text(d.from) ?? '?'} → ${text(d.to) ?? '?'}`, detail: text(d.reason) };
    case 'comment':
      return { title, detail: text(d.body) ?? text(d.comment) };
    case 'alert.attached':
    case 'alert.resolved':
      return { title, detail: text(d.summary) ?? text(d.alertId) };
    case 'sla.breached':
      return { title: `${text(d.clock) ? `${d.clock} ` : ''}SLA breached`.replace(/^./, (c) => c.toUpperCase()) };
    case 'page.sent':
    case 'page.failed':
    case 'notification.sent':
    case 'notification.failed':
    case 'notification.delivered':
      return { title, detail: delivery(d, names) };
    case 'escalation.step':
      return { title: num(d.step) !== undefined ? `Escalation step ${(d.step as number) + 1}${num(d.repeat) ? `, pass ${(d.repeat as number) + 1}` : ''}` : title };
    case 'incident.created':
      return { title };
    case 'status_page.update':
      return { title, detail: [text(d.status), text(d.message)].filter(Boolean).join(': ') || undefined };
    case 'runbook.opened':
      return { title, detail: text(d.title) ?? text(d.url) };
    default:
      return { title, detail: text(d.note) ?? text(d.reason) ?? text(d.title) };
  }
}

const STATE: Record<string, string> = {
  'incident.created': 'down',
  'sla.breached': 'down',
  'page.failed': 'down',
  'notification.failed': 'down',
  'breach.flagged': 'down',
  'incident.acknowledged': 'degraded',
  'escalation.acknowledged': 'degraded',
  'incident.resolved': 'up',
  'alert.resolved': 'up',
  'breach.notified': 'up',
  'incident.closed': 'paused',
  'status_page.update': 'maintenance',
};
export const eventState = (kind: string) => STATE[kind] ?? 'pending';
