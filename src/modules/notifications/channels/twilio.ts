import { z } from 'zod';
import { httpUrl, secretString } from './common.ts';
import { callHttp, joinUrl } from './http.ts';
import type { SendContext, SendResult } from './types.ts';

const Phone = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +447700900123');

/** Shared by the SMS and voice channels. One channel pages one number, so a retry never repeats a page to someone already reached. */
export const TwilioSettings = z.object({
  accountSid: z.string().regex(/^AC[0-9A-Za-z]{6,64}$/, 'the account SID (AC…)'),
  authToken: secretString().describe('auth token (secret)'),
  from: Phone,
  to: Phone,
  apiBaseUrl: httpUrl().default('https://api.twilio.com'),
});
export type TwilioSettings = z.infer<typeof TwilioSettings>;

/** POSTs a form to `/2010-04-01/Accounts/{sid}/{resource}.json` with basic auth; Twilio answers 201. */
export async function twilioCreate(s: TwilioSettings, resource: 'Messages' | 'Calls', form: Record<string, string>, ctx: SendContext): Promise<SendResult> {
  const url = joinUrl(s.apiBaseUrl, `2010-04-01/Accounts/${encodeURIComponent(s.accountSid)}/${resource}.json`);
  const res = await callHttp(
    {
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${s.accountSid}:${s.authToken}`).toString('base64')}`,
      },
      body: new URLSearchParams(form).toString(),
    },
    ctx,
  );
  return { ok: res.ok, statusCode: res.statusCode, retryAfterMs: res.retryAfterMs, permanent: res.permanent, error: res.error };
}

export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
