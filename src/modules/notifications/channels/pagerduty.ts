import { z } from 'zod';
import { sourceOf, topSeverity, type NotificationMessage } from '../message.ts';
import { boundedKey, httpUrl, linkButtons, secretString } from './common.ts';
import { postJson, truncate } from './http.ts';
import { missing, type ChannelType } from './types.ts';

export const PagerDutySettings = z.object({
  routingKey: secretString().describe('Events API v2 integration (routing) key (secret)'),
  eventsUrl: httpUrl().default('https://events.pagerduty.com/v2/enqueue'),
  component: z.string().max(200).optional(),
  group: z.string().max(200).optional(),
  class: z.string().max(200).optional(),
});
export type PagerDutySettings = z.infer<typeof PagerDutySettings>;

const ACTION: Record<NotificationMessage['kind'], 'trigger' | 'acknowledge' | 'resolve'> = {
  'alert.firing': 'trigger',
  'alert.acknowledged': 'acknowledge',
  'alert.resolved': 'resolve',
  test: 'trigger',
};

/** PagerDuty caps dedup_key at 255 characters and payload.summary at 1024. */
export function pagerDutyEvent(message: NotificationMessage, title: string, s: PagerDutySettings): Record<string, unknown> {
  const action = ACTION[message.kind];
  const event: Record<string, unknown> = { routing_key: s.routingKey, event_action: action, dedup_key: boundedKey(message.groupKey, 255) };
  if (action !== 'trigger') return event;
  const first = message.alerts[0];
  event.payload = {
    summary: truncate(title, 1024),
    source: truncate(sourceOf(message), 255),
    severity: topSeverity(message),
    timestamp: first?.startsAt,
    ...(s.component ? { component: s.component } : {}),
    ...(s.group ? { group: s.group } : {}),
    ...(s.class ? { class: s.class } : {}),
    custom_details: {
      organization: message.org.name,
      response_sla: message.responseSla,
      alerts: message.alerts.map((a) => ({ summary: a.summary, description: a.description, severity: a.severity, status: a.status, labels: a.labels, annotations: a.annotations, starts_at: a.startsAt })),
    },
  };
  event.client = 'Custos';
  if (message.links.incident ?? message.links.alerts) event.client_url = message.links.incident ?? message.links.alerts;
  event.links = linkButtons(message).map((b) => ({ href: b.url, text: b.label }));
  return event;
}

export const pagerDutyChannel: ChannelType<PagerDutySettings> = {
  type: 'pagerduty',
  label: 'PagerDuty (Events API v2)',
  settingsSchema: PagerDutySettings,
  secretFields: ['routingKey'],
  missingCredentials: (s) => missing(s, 'routingKey'),
  async send(n, s, ctx) {
    const res = await postJson(s.eventsUrl, pagerDutyEvent(n.message, n.title, s), ctx);
    return { ok: res.ok, statusCode: res.statusCode, retryAfterMs: res.retryAfterMs, permanent: res.permanent, error: res.error };
  },
};
