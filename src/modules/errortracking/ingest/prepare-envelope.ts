import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import type { RedactionCounts } from '../../../platform/redact/index.ts';
import { scrubEvent, userPseudonym } from '../scrub-event.ts';
import { CATEGORY_NAME, categoryOf, DISCARD_REASON, QUEUED_TYPES, SCRUBBED_TYPES } from './categories.ts';
import { parseEnvelope, serializeEnvelope, type EnvelopeItem } from './envelope.ts';
import type { IngestKey } from './key-cache.ts';

export interface PreparedEnvelope {
  /** The id answered to the client: the envelope's event id, else its first event's. */
  eventId: string | null;
  /** The envelope as queued (scrubbed JSON items only), or null when nothing needs the digest. */
  body: string | null;
  eventCount: number;
  /** Accepted items per data category. */
  accepted: Map<string, number>;
  /** What the SDK reports it dropped itself (client reports). */
  clientDiscards: ClientDiscard[];
  scrubCounts: RedactionCounts;
}

export interface ClientDiscard {
  category: string;
  reason: string;
  quantity: number;
}

type Json = Record<string, unknown>;
const EVENT_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export const eventIdOf = (value: unknown): string | null => (typeof value === 'string' && EVENT_ID.test(value) ? value.replaceAll('-', '').toLowerCase() : null);
const newEventId = () => randomUUID().replaceAll('-', '');

function jsonPayload(item: EnvelopeItem, maxBytes: number): Json {
  if (item.payload.length > maxBytes) throw new AppError('EVENT_TOO_LARGE', `A ${item.type} item is larger than ${maxBytes} bytes`, { details: { type: item.type, limitBytes: maxBytes } });
  let value: unknown;
  try {
    value = JSON.parse(item.payload.toString('utf8'));
  } catch {
    throw new AppError('EVENT_INVALID', `A ${item.type} item is not valid JSON`, { details: { type: item.type } });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new AppError('EVENT_INVALID', `A ${item.type} item is not a JSON object`, { details: { type: item.type } });
  return value as Json;
}

/** The drops a client report lists; a report that is not JSON counts nothing. */
export function readClientReport(payload: Buffer, into: ClientDiscard[]): void {
  let report: Json;
  try {
    report = JSON.parse(payload.toString('utf8')) as Json;
  } catch {
    throw new AppError('EVENT_INVALID', 'A client_report item is not valid JSON', { details: { type: 'client_report' } });
  }
  if (report === null || typeof report !== 'object') return;
  for (const field of ['discarded_events', 'rate_limited_events', 'filtered_events', 'filtered_sampling_events']) {
    const list = report[field];
    if (!Array.isArray(list)) continue;
    for (const entry of list.slice(0, 200)) {
      if (entry === null || typeof entry !== 'object') continue;
      const { reason, category, quantity } = entry as Json;
      const why = field === 'discarded_events' ? reason : field.replace(/_events$/, '');
      if (typeof why !== 'string' || !DISCARD_REASON.test(why) || typeof category !== 'string' || !CATEGORY_NAME.test(category)) continue;
      if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity <= 0) continue;
      into.push({ category, reason: why, quantity });
    }
  }
}

/**
 * Checks a whole envelope (or a store request's event) before anything is queued, so a bad item
 * rejects the request and nothing partial is stored; scrubs events; counts every item.
 */
export function prepareEnvelope(kind: 'envelope' | 'store', raw: Buffer, key: IngestKey, limits: { maxEventBytes: number }): PreparedEnvelope {
  const envelope = kind === 'store' ? { header: {}, items: [{ header: { type: 'event' }, type: 'event', payload: raw }] } : parseEnvelope(raw);
  const out: PreparedEnvelope = { eventId: eventIdOf(envelope.header.event_id), body: null, eventCount: 0, accepted: new Map(), clientDiscards: [], scrubCounts: {} };
  const queued: Parameters<typeof serializeEnvelope>[1] = [];
  for (const item of envelope.items) {
    if (item.type === 'client_report') {
      jsonPayload(item, limits.maxEventBytes);
      readClientReport(item.payload, out.clientDiscards);
      continue;
    }
    const category = categoryOf(item.type);
    out.accepted.set(category, (out.accepted.get(category) ?? 0) + 1);
    if (!QUEUED_TYPES.has(item.type)) continue;
    let payload = jsonPayload(item, limits.maxEventBytes);
    const header: Json & { type: string } = { type: item.type };
    if (item.type === 'event' || item.type === 'transaction') {
      const id = eventIdOf(payload.event_id) ?? (item.type === 'event' && out.eventCount === 0 ? out.eventId : null) ?? newEventId();
      payload = { ...payload, event_id: id };
      if (item.type === 'event') {
        out.eventCount++;
        out.eventId ??= id;
      }
    }
    if (SCRUBBED_TYPES.has(item.type) && key.scrub.enabled) {
      const scrubbed = scrubEvent(payload, { extraFields: key.scrub.fields, salt: key.userSalt });
      for (const [rule, n] of Object.entries(scrubbed.counts)) out.scrubCounts[rule] = (out.scrubCounts[rule] ?? 0) + n;
      payload = scrubbed.event;
      if (scrubbed.userHash) header.custos_user = scrubbed.userHash;
    } else if (SCRUBBED_TYPES.has(item.type)) {
      const userHash = userPseudonym(payload.user, key.userSalt);
      if (userHash) header.custos_user = userHash;
    }
    queued.push({ header, payload: JSON.stringify(payload) });
  }
  if (queued.length > 0) {
    const header: Json = { event_id: out.eventId ?? undefined, sent_at: typeof envelope.header.sent_at === 'string' ? envelope.header.sent_at.slice(0, 40) : undefined };
    out.body = serializeEnvelope(header, queued);
  }
  return out;
}
