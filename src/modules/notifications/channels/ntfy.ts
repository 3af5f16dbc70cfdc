import { z } from 'zod';
import { topSeverity, type Severity } from '../message.ts';
import { httpUrl, linkButtons, secretString } from './common.ts';
import { callHttp, joinUrl, truncate } from './http.ts';
import { missing, type ChannelType } from './types.ts';

export const NtfySettings = z.object({
  serverUrl: httpUrl().default('https://ntfy.sh'),
  topic: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 letters, digits, _ or -').optional().describe('topic name; on a public server it acts as a password (secret)'),
  token: secretString().describe('access token for a protected topic (secret)'),
});
export type NtfySettings = z.infer<typeof NtfySettings>;

const PRIORITY: Record<Severity, string> = { critical: '5', error: '4', warning: '3', info: '2' };
const TAG: Record<Severity, string> = { critical: 'rotating_light', error: 'red_circle', warning: 'warning', info: 'information_source' };

/** HTTP header values are ASCII; ntfy decodes RFC 2047 encoded words for anything else. */
export function headerValue(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat) ? flat : `=?UTF-8?B?${Buffer.from(flat, 'utf8').toString('base64')}?=`;
}

export const ntfyChannel: ChannelType<NtfySettings> = {
  type: 'ntfy',
  label: 'ntfy',
  settingsSchema: NtfySettings,
  secretFields: ['topic', 'token'],
  missingCredentials: (s) => missing(s, 'topic'),
  async send(n, s, ctx) {
    const severity = topSeverity(n.message);
    const resolved = n.message.kind === 'alert.resolved';
    const click = linkButtons(n.message)[0]?.url;
    const headers: Record<string, string> = {
      'content-type': 'text/plain; charset=utf-8',
      title: headerValue(truncate(n.title, 250)),
      priority: resolved ? '2' : PRIORITY[severity],
      tags: resolved ? 'white_check_mark' : `${TAG[severity]},${severity}`,
      ...(click ? { click } : {}),
      ...(s.token ? { authorization: `Bearer ${s.token}` } : {}),
    };
    const res = await callHttp({ url: joinUrl(s.serverUrl, s.topic!), headers, body: truncate(n.text.trim() || n.title, 4000) }, ctx);
    return { ok: res.ok, statusCode: res.statusCode, retryAfterMs: res.retryAfterMs, permanent: res.permanent, error: res.error };
  },
};
