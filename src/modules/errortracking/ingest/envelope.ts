import { AppError } from '../../../platform/errors.ts';

export interface EnvelopeItem {
  header: Record<string, unknown>;
  type: string;
  payload: Buffer;
}

export interface Envelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

export interface ParseEnvelopeOptions {
  maxItems?: number;
  maxHeaderBytes?: number;
}

const NEWLINE = 0x0a;

function invalid(message: string, offset: number): AppError {
  return new AppError('ENVELOPE_INVALID', `Invalid envelope: ${message} at byte ${offset}`, { details: { offset } });
}

function jsonObject(bytes: Buffer, what: string, offset: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid(`${what} is not JSON`, offset);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(`${what} is not a JSON object`, offset);
  return value as Record<string, unknown>;
}

function lineEnd(body: Buffer, from: number): number {
  const at = body.indexOf(NEWLINE, from);
  return at === -1 ? body.length : at;
}

/**
 * Parses the Sentry envelope format: a JSON header line, then items of a JSON header line and a
 * payload of `length` bytes (then an optional newline) or, without `length`, up to the next
 * newline or the end. Offsets and lengths are bytes. Throws ENVELOPE_INVALID naming the offset.
 */
export function parseEnvelope(body: Buffer, options: ParseEnvelopeOptions = {}): Envelope {
  const maxItems = options.maxItems ?? 1000;
  const maxHeaderBytes = options.maxHeaderBytes ?? 64 * 1024;
  const end = lineEnd(body, 0);
  if (end > maxHeaderBytes) throw invalid('envelope header line is too long', 0);
  if (end === 0) throw invalid('empty envelope header', 0);
  const header = jsonObject(body.subarray(0, end), 'envelope header', 0);
  const items: EnvelopeItem[] = [];
  let at = end + 1;
  while (at < body.length) {
    if (body[at] === NEWLINE) {
      at++;
      continue;
    }
    const headerEnd = lineEnd(body, at);
    if (headerEnd - at > maxHeaderBytes) throw invalid('item header line is too long', at);
    const itemHeader = jsonObject(body.subarray(at, headerEnd), 'item header', at);
    const type = itemHeader.type;
    if (typeof type !== 'string' || type.length === 0 || type.length > 64) throw invalid('item header has no type', at);
    if (items.length >= maxItems) throw invalid(`more than ${maxItems} items`, at);
    const start = headerEnd + 1;
    let payloadEnd: number;
    if (itemHeader.length === undefined || itemHeader.length === null) {
      payloadEnd = start > body.length ? body.length : lineEnd(body, start);
      at = payloadEnd + 1;
    } else {
      const length = itemHeader.length;
      if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) throw invalid('item length is not a non-negative integer', at);
      payloadEnd = start + length;
      if (payloadEnd > body.length) throw invalid(`item length ${length} runs past the end of the body`, at);
      if (payloadEnd < body.length && body[payloadEnd] !== NEWLINE) throw invalid('item payload is not followed by a newline', payloadEnd);
      at = payloadEnd + 1;
    }
    items.push({ header: itemHeader, type, payload: body.subarray(Math.min(start, body.length), payloadEnd) });
  }
  return { header, items };
}

/** Writes an envelope of JSON items; JSON.stringify never emits a raw newline, so no item needs a length. */
export function serializeEnvelope(header: Record<string, unknown>, items: { header: Record<string, unknown> & { type: string }; payload: string }[]): string {
  let out = JSON.stringify(header);
  for (const item of items) out += `\n${JSON.stringify(item.header)}\n${item.payload}`;
  return `${out}\n`;
}
