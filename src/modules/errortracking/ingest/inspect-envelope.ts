import { AppError } from '../../../platform/errors.ts';
import { categoryOf, QUEUED_TYPES } from './categories.ts';
import { parseEnvelope } from './envelope.ts';
import { readClientReport, type ClientDiscard } from './prepare-envelope.ts';

export interface Inspection {
  /** Items per data category (client reports excluded). */
  counted: Map<string, number>;
  /** Whether anything in it goes to the queue. */
  queues: boolean;
  clientDiscards: ClientDiscard[];
}

/**
 * What an envelope holds, read cheaply where the request arrives (item boundaries, sizes, client
 * reports), for rate limits and refusals; the payloads are parsed and scrubbed where they are queued.
 */
export function inspectEnvelope(kind: 'envelope' | 'store', raw: Buffer, limits: { maxEventBytes: number }): Inspection {
  const tooLarge = (type: string) => new AppError('EVENT_TOO_LARGE', `A ${type} item is larger than ${limits.maxEventBytes} bytes`, { details: { type, limitBytes: limits.maxEventBytes } });
  if (kind === 'store') {
    if (raw.length > limits.maxEventBytes) throw tooLarge('event');
    return { counted: new Map([['error', 1]]), queues: true, clientDiscards: [] };
  }
  const out: Inspection = { counted: new Map(), queues: false, clientDiscards: [] };
  for (const item of parseEnvelope(raw).items) {
    if ((QUEUED_TYPES.has(item.type) || item.type === 'client_report') && item.payload.length > limits.maxEventBytes) throw tooLarge(item.type);
    if (item.type === 'client_report') {
      readClientReport(item.payload, out.clientDiscards);
      continue;
    }
    const category = categoryOf(item.type);
    out.counted.set(category, (out.counted.get(category) ?? 0) + 1);
    if (QUEUED_TYPES.has(item.type)) out.queues = true;
  }
  return out;
}
