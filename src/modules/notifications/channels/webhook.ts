import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { httpUrl } from './common.ts';
import { callHttp } from './http.ts';
import { missing, type ChannelType } from './types.ts';

const HeaderName = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'a header name');
const RESERVED = /^(content-type|content-length|host|idempotency-key|x-custos-.*)$/i;

export const WebhookSettings = z.object({
  url: httpUrl().optional().describe('receiver URL (secret: it often carries a token)'),
  secret: z.string().min(16, 'at least 16 characters').max(512).optional().describe('HMAC-SHA256 signing secret (secret)'),
  headers: z
    .record(HeaderName, z.string().max(2000))
    .refine((h) => Object.keys(h).every((k) => !RESERVED.test(k)), 'Content-Type, Idempotency-Key and X-Custos-* are set by Custos')
    .optional()
    .describe('extra request headers; values are secret'),
});
export type WebhookSettings = z.infer<typeof WebhookSettings>;

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`; receivers recompute it and reject stale timestamps. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export const webhookChannel: ChannelType<WebhookSettings> = {
  type: 'webhook',
  label: 'Webhook (signed JSON)',
  settingsSchema: WebhookSettings,
  secretFields: ['url', 'secret', 'headers'],
  missingCredentials: (s) => missing(s, 'url', 'secret'),
  async send(n, s, ctx) {
    const timestamp = String(Math.floor(ctx.now() / 1000));
    const body = JSON.stringify({
      version: 1,
      idempotencyKey: ctx.idempotencyKey,
      sentAt: new Date(ctx.now()).toISOString(),
      message: n.message,
      rendered: { title: n.title, text: n.text },
    });
    const res = await callHttp(
      {
        url: s.url!,
        body,
        headers: {
          ...s.headers,
          'content-type': 'application/json',
          'idempotency-key': ctx.idempotencyKey,
          'x-custos-event': n.message.kind,
          'x-custos-timestamp': timestamp,
          'x-custos-signature': webhookSignature(s.secret!, timestamp, body),
        },
      },
      ctx,
    );
    return { ok: res.ok, statusCode: res.statusCode, retryAfterMs: res.retryAfterMs, permanent: res.permanent, error: res.error };
  },
};
