import { z } from 'zod';
import { dedupKeyOf, invalidPayload, timeOf, truncate, urlOf } from './common.ts';
import type { AlertChange, DeliveryReport, HookAnswer, IntegrationType, ParseContext, ParseResult } from './types.ts';

const Settings = z.object({});
type Settings = z.infer<typeof Settings>;

const Text = (max: number) => z.string().trim().min(1, 'is missing or blank').max(max, `must be at most ${max} characters`);

const Event = z
  .object({
    routing_key: z.string().max(100).optional(),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve'], { message: 'must be one of trigger, acknowledge, resolve' }),
    dedup_key: z.string().min(1, 'must not be blank').max(255, 'must be at most 255 characters').optional(),
    payload: z
      .object({
        summary: Text(1024),
        source: Text(255),
        severity: z.enum(['critical', 'error', 'warning', 'info'], { message: 'must be one of critical, error, warning, info' }),
        timestamp: z.string().optional(),
        component: z.string().max(255).optional(),
        group: z.string().max(255).optional(),
        class: z.string().max(255).optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
    client: z.string().max(255).optional(),
    client_url: z.string().max(2000).optional(),
    links: z.array(z.object({ href: z.string(), text: z.string().optional() })).max(50).optional(),
    images: z.array(z.object({ src: z.string(), href: z.string().optional(), alt: z.string().optional() })).max(50).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.event_action === 'trigger' && !e.payload) ctx.addIssue({ code: 'custom', path: ['payload'], message: 'is required for trigger events' });
    if (e.event_action !== 'trigger' && !e.dedup_key) ctx.addIssue({ code: 'custom', path: ['dedup_key'], message: `is required for ${e.event_action} events` });
  });

const details = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function parse(json: unknown, _request: unknown, _settings: Settings, context: ParseContext): ParseResult {
  const parsed = Event.safeParse(json);
  if (!parsed.success) return invalidPayload(parsed.error.issues, 'a valid PagerDuty Events API v2 event');
  const e = parsed.data;
  // PagerDuty makes up a key for a trigger without one; deriving it from the content makes a retried trigger open one alert.
  const ref = e.dedup_key ?? context.contentHash.slice(0, 32);
  const dedupKey = dedupKeyOf('pd', context.integrationId, ref);
  let change: AlertChange;
  if (e.event_action === 'trigger') {
    const p = e.payload!;
    const labels: Record<string, string> = { alertname: p.class || 'PagerDutyEvent', source: p.source, severity: p.severity };
    for (const field of ['component', 'group', 'class'] as const) if (p[field]) labels[field] = p[field];
    const annotations: Record<string, string> = { summary: p.summary, dedup_key: ref };
    if (p.custom_details !== undefined) annotations.details = truncate(details(p.custom_details), 10_000);
    if (e.client) annotations.client = e.client;
    if (e.links?.length) annotations.links = truncate(e.links.map((l) => (l.text ? `${l.text}: ${l.href}` : l.href)).join('\n'), 10_000);
    const startsAt = timeOf(p.timestamp);
    change = { action: 'fire', dedupKey, ref, labels, annotations, severity: p.severity, startsAt, generatorUrl: urlOf(e.client_url) };
  } else change = { action: e.event_action, dedupKey, ref };
  return { ok: true, delivery: { event: e.event_action, changes: [change] } };
}

/** PagerDuty's answers: 202 with the dedup key, 400 `invalid event` with every problem. */
function answer(report: DeliveryReport): HookAnswer {
  if (report.rejection) {
    const r = report.rejection;
    return { status: r.status, body: { status: 'invalid event', message: r.code === 'HOOK_PAYLOAD_INVALID' ? 'Event object is invalid' : r.message, errors: r.errors } };
  }
  return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: report.changes[0]?.ref ?? null } };
}

const routingKeyOf = (json: unknown) =>
  json && typeof json === 'object' && typeof (json as { routing_key?: unknown }).routing_key === 'string' ? (json as { routing_key: string }).routing_key : undefined;

/** A PagerDuty Events API v2 endpoint: anything that can page PagerDuty can page Custos. The routing key is the integration's token. */
export const pagerDutyEventsIntegration: IntegrationType<Settings> = {
  type: 'pagerduty-events',
  label: 'PagerDuty Events API v2',
  settingsSchema: Settings,
  secretFields: [],
  routes: [{ url: '/hooks/:token/v2/enqueue' }, { url: '/v2/enqueue', tokenFrom: routingKeyOf }],
  parse,
  answer,
};
