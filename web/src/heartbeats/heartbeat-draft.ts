import type { Monitor } from '../api/types.ts';
import { durationSeconds, splitSeconds, type DurationValue } from '../components/duration-field.tsx';
import { labelsToText, textToLabels } from '../components/labels.tsx';

export const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The heartbeat form's inputs, as text so half-typed values survive. */
export interface HeartbeatDraft {
  name: string;
  kind: 'period' | 'cron';
  period: DurationValue;
  cron: string;
  timezone: string;
  grace: DurationValue;
  slug: string;
  labels: string;
  success: string;
  failure: string;
  start: string;
  bodyLimit: string;
}

export function newHeartbeatDraft(): HeartbeatDraft {
  return { name: '', kind: 'period', period: { amount: '1', unit: 86_400 }, cron: '0 2 * * *', timezone: LOCAL_ZONE, grace: { amount: '1', unit: 3600 }, slug: '', labels: '', success: '', failure: '', start: '', bodyLimit: '' };
}

const lines = (v: unknown) => (Array.isArray(v) ? v.join('\n') : '');
const words = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function monitorToHeartbeatDraft(m: Monitor): HeartbeatDraft {
  const s = m.settings as Record<string, unknown> & { filters?: Record<string, unknown> };
  const base = newHeartbeatDraft();
  return {
    ...base,
    name: m.name,
    kind: typeof s.cron === 'string' ? 'cron' : 'period',
    period: typeof s.period === 'number' ? splitSeconds(s.period) : base.period,
    cron: typeof s.cron === 'string' ? s.cron : base.cron,
    timezone: typeof s.timezone === 'string' ? s.timezone : 'UTC',
    grace: typeof s.grace === 'number' ? splitSeconds(s.grace) : base.grace,
    slug: typeof s.slug === 'string' ? s.slug : '',
    labels: labelsToText(m.labels),
    success: lines(s.filters?.success),
    failure: lines(s.filters?.failure),
    start: lines(s.filters?.start),
    bodyLimit: typeof s.bodyLimit === 'number' ? String(s.bodyLimit) : '',
  };
}

const FORM_KEYS = ['period', 'cron', 'timezone', 'grace', 'slug', 'filters', 'bodyLimit'];

/** The monitor settings the draft describes; settings the form does not show (the push token) are kept. */
export function heartbeatSettings(d: HeartbeatDraft, base: Record<string, unknown> = {}): Record<string, unknown> {
  const settings: Record<string, unknown> = Object.fromEntries(Object.entries(base).filter(([k]) => !FORM_KEYS.includes(k)));
  if (d.kind === 'period') settings.period = durationSeconds(d.period);
  else Object.assign(settings, { cron: d.cron.trim(), timezone: d.timezone.trim() || 'UTC' });
  settings.grace = durationSeconds(d.grace);
  if (d.slug.trim()) settings.slug = d.slug.trim();
  const filters = { success: words(d.success), failure: words(d.failure), start: words(d.start) };
  if (filters.success.length || filters.failure.length || filters.start.length) settings.filters = filters;
  if (d.bodyLimit.trim()) settings.bodyLimit = Number(d.bodyLimit);
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}

export function heartbeatBody(d: HeartbeatDraft, existing?: Monitor): Record<string, unknown> {
  const body = { name: d.name, settings: heartbeatSettings(d, existing?.settings), labels: textToLabels(d.labels) };
  return existing ? body : { ...body, type: 'heartbeat' };
}
