import { createHash } from 'node:crypto';
import { header } from './types/common.ts';
import type { HookRequest } from './types/types.ts';

export const contentHashOf = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** JSON bodies, and GitHub's form encoding (`payload=<json>`) for webhooks set up that way. */
export function decodeJson(request: HookRequest): { ok: true; value: unknown } | { ok: false; message: string } {
  const contentType = (header(request, 'content-type') ?? '').toLowerCase();
  let text = request.body.toString('utf8');
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const payload = new URLSearchParams(text).get('payload');
    if (payload === null) return { ok: false, message: 'A form-encoded body must carry the JSON in its payload field' };
    text = payload;
  }
  if (text.trim() === '') return { ok: false, message: 'The body is empty; send a JSON document' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `The body is not valid JSON: ${(err as Error).message}` };
  }
}
