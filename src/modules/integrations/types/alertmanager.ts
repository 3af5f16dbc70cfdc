import { createHash } from 'node:crypto';
import { z } from 'zod';
import { constantTimeEqual, dedupKeyOf, header, invalidPayload, rejection, timeOf, urlOf } from './common.ts';
import type { AlertChange, HookRequest, IntegrationType, ParseContext, ParseResult, Rejection } from './types.ts';

const Secret = z.string().min(8).max(500);

const Settings = z
  .object({
    bearerToken: Secret.optional().describe("when set, deliveries must carry `Authorization: Bearer <token>` (http_config.authorization)"),
    username: z.string().min(1).max(200).optional().describe('with password: HTTP basic auth (http_config.basic_auth)'),
    password: Secret.optional(),
  })
  .refine((s) => (s.username === undefined) === (s.password === undefined), { message: 'give username and password together', path: ['password'] })
  .refine((s) => !(s.bearerToken && s.username), { message: 'choose bearer token or basic auth, not both', path: ['bearerToken'] });
type Settings = z.infer<typeof Settings>;

const Labels = z.record(z.string(), z.string());

const AmAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: Labels,
  annotations: Labels.default({}),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).max(64).optional(),
});

const Payload = z.object({
  version: z.literal('4', { message: 'must be "4" (the webhook payload version this endpoint reads)' }),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().optional(),
  groupKey: z.string(),
  alerts: z.array(AmAlert),
  externalURL: z.string().optional(),
});

function authenticate(request: HookRequest, settings: Settings): Rejection | null {
  const given = header(request, 'authorization') ?? '';
  let expected: string | null = null;
  if (settings.bearerToken) expected = `Bearer ${settings.bearerToken}`;
  else if (settings.username !== undefined) expected = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;
  if (expected === null || constantTimeEqual(given, expected)) return null;
  return rejection(401, 'HOOK_AUTH_FAILED', 'The Authorization header is missing or does not match the integration');
}

// Alertmanager has sent fingerprints since 0.19; for older senders, hash the labels the same way for every delivery.
function fingerprintOf(labels: Record<string, string>): string {
  const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

function parse(json: unknown, _request: HookRequest, _settings: Settings, context: ParseContext): ParseResult {
  const parsed = Payload.safeParse(json);
  if (!parsed.success) return invalidPayload(parsed.error.issues, 'an Alertmanager webhook payload (version 4)');
  const payload = parsed.data;
  const changes: AlertChange[] = payload.alerts.map((a) => {
    const dedupKey = dedupKeyOf('am', a.fingerprint ?? fingerprintOf(a.labels));
    const startsAt = timeOf(a.startsAt);
    if (a.status === 'resolved') {
      const endsAt = timeOf(a.endsAt) ?? context.now;
      return { action: 'resolve', dedupKey, at: endsAt, annotations: a.annotations };
    }
    return { action: 'fire', dedupKey, labels: a.labels, annotations: a.annotations, at: startsAt ?? context.now, startsAt, generatorUrl: urlOf(a.generatorURL) };
  });
  return { ok: true, delivery: { event: payload.status, changes, ignored: changes.length === 0 ? 'the notification names no alerts' : undefined } };
}

/** Prometheus Alertmanager's webhook receiver: one alert per fingerprint, resolved when Alertmanager says so. */
export const alertmanagerIntegration: IntegrationType<Settings> = {
  type: 'alertmanager',
  label: 'Prometheus Alertmanager',
  settingsSchema: Settings,
  secretFields: ['bearerToken', 'password'],
  authenticate,
  parse,
};
