import { z } from 'zod';
import { Severity } from '../../alerts/index.ts';
import { dedupKeyOf, header, invalidPayload, rejection, signatureHolds, truncate } from './common.ts';
import type { HookRequest, IntegrationType, ParseContext, ParseResult, Rejection } from './types.ts';

const DotPath = z.string().trim().min(1).max(200).regex(/^[^.]+(\.[^.]+)*$/, 'a dot-path such as alert.id or items.0.name');

const Settings = z.object({
  dedupKeyPath: DotPath.describe('where the alert key is: the same key fires, updates and resolves one alert'),
  statusPath: DotPath.optional().describe('where the status is; without it every delivery fires'),
  resolvedValues: z.array(z.string().trim().min(1).max(100)).min(1).max(20).default(['resolved', 'ok', 'closed', 'recovered', 'up']).describe('status values (case-insensitive) that resolve the alert'),
  summaryPath: DotPath.optional(),
  severityPath: DotPath.optional().describe('a value of critical, error, warning or info (case-insensitive); others are ignored'),
  labelsPath: DotPath.optional().describe('an object whose string, number and boolean fields become labels'),
  alertname: z.string().trim().min(1).max(200).default('WebhookAlert'),
  secret: z.string().min(8).max(500).optional().describe('when set, deliveries must carry the HMAC-SHA256 of the body in signatureHeader (`sha256=<hex>` or hex)'),
  signatureHeader: z.string().trim().toLowerCase().regex(/^[a-z0-9-]{1,100}$/).default('x-hub-signature-256'),
});
type Settings = z.infer<typeof Settings>;

function at(json: unknown, path: string): unknown {
  let value = json;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const scalar = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

function authenticate(request: HookRequest, settings: Settings): Rejection | null {
  if (!settings.secret || signatureHolds(settings.secret, request.body, header(request, settings.signatureHeader))) return null;
  return rejection(401, 'HOOK_SIGNATURE_INVALID', `${settings.signatureHeader} is missing or is not the HMAC-SHA256 of the body with the integration's secret`);
}

function parse(json: unknown, _request: HookRequest, settings: Settings, context: ParseContext): ParseResult {
  const key = scalar(at(json, settings.dedupKeyPath));
  if (key === undefined || key.trim() === '') return invalidPayload([{ path: settings.dedupKeyPath.split('.'), message: 'is missing: it is the dedup key (settings.dedupKeyPath)' }], 'what this webhook expects');
  const dedupKey = dedupKeyOf('wh', context.integrationId, key);
  const status = settings.statusPath ? scalar(at(json, settings.statusPath)) : undefined;
  const resolved = status !== undefined && settings.resolvedValues.some((v) => v.toLowerCase() === status.toLowerCase());
  if (resolved) return { ok: true, delivery: { event: 'resolved', changes: [{ action: 'resolve', dedupKey, ref: key }] } };

  const labels: Record<string, string> = { alertname: settings.alertname };
  const given = settings.labelsPath ? at(json, settings.labelsPath) : undefined;
  if (given && typeof given === 'object' && !Array.isArray(given)) {
    for (const [k, v] of Object.entries(given)) if (scalar(v) !== undefined) labels[k] = scalar(v)!;
  }
  const summary = settings.summaryPath ? scalar(at(json, settings.summaryPath)) : undefined;
  const severity = Severity.safeParse(settings.severityPath ? scalar(at(json, settings.severityPath))?.toLowerCase() : undefined);
  const annotations: Record<string, string> = { dedup_key: key };
  if (summary) annotations.summary = truncate(summary, 10_000);
  if (status !== undefined) annotations.status = truncate(status, 1000);
  return { ok: true, delivery: { event: 'firing', changes: [{ action: 'fire', dedupKey, ref: key, labels, annotations, severity: severity.success ? severity.data : undefined }] } };
}

/** Any JSON sender: a dedup key, an optional status that resolves, and a few fields mapped by dot-path. */
export const webhookIntegration: IntegrationType<Settings> = {
  type: 'webhook',
  label: 'Generic JSON webhook',
  settingsSchema: Settings,
  secretFields: ['secret'],
  authenticate,
  parse,
};
