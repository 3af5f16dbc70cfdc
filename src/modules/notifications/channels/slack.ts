import { z } from 'zod';
import { httpUrl, secretString } from './common.ts';
import { joinUrl, postJson, type HttpAnswer } from './http.ts';
import { slackBlocks } from './slack-blocks.ts';
import { missing, type ChannelType, type SendContext, type SendResult } from './types.ts';

export const SlackSettings = z.object({
  webhookUrl: httpUrl().optional().describe('incoming webhook URL (secret)'),
  botToken: secretString().describe('bot token (xoxb-…) for chat.postMessage / chat.update mode (secret)'),
  channel: z.string().trim().min(1).max(200).optional().describe('channel id or name; required with botToken'),
  apiBaseUrl: httpUrl().default('https://slack.com/api'),
});
export type SlackSettings = z.infer<typeof SlackSettings>;

// Slack Web API errors that retrying cannot fix; anything else (internal_error, ratelimited, ...) is retried.
const PERMANENT_API_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'channel_not_found', 'not_in_channel', 'is_archived', 'invalid_blocks', 'msg_too_long', 'no_text', 'missing_scope']);

interface ThreadRef {
  ts: string;
  channel: string;
}

function apiResult(res: HttpAnswer): SendResult & { ts?: string; channel?: string; apiError?: string } {
  if (!res.ok) return res;
  let body: { ok?: boolean; error?: string; ts?: string; channel?: string };
  try {
    body = JSON.parse(res.body);
  } catch {
    return { ok: false, statusCode: res.statusCode, error: 'Slack answered with a body that is not JSON' };
  }
  if (body.ok) return { ok: true, statusCode: res.statusCode, ts: body.ts, channel: body.channel };
  const apiError = body.error ?? 'unknown_error';
  return { ok: false, statusCode: res.statusCode, permanent: PERMANENT_API_ERRORS.has(apiError), error: `Slack API error: ${apiError}`, apiError };
}

async function sendWithBot(payload: { text: string; blocks: unknown[] }, kind: string, s: SlackSettings, ctx: SendContext): Promise<SendResult> {
  const auth = { authorization: `Bearer ${s.botToken}` };
  const ref = kind === 'alert.acknowledged' || kind === 'alert.resolved' ? ((await ctx.memory.get()) as ThreadRef | null) : null;
  if (ref) {
    const updated = apiResult(await postJson(joinUrl(s.apiBaseUrl, 'chat.update'), { channel: ref.channel, ts: ref.ts, ...payload }, ctx, auth));
    if (updated.apiError !== 'message_not_found') return updated;
  }
  const posted = apiResult(await postJson(joinUrl(s.apiBaseUrl, 'chat.postMessage'), { channel: s.channel, ...payload }, ctx, auth));
  if (posted.ok && posted.ts) await ctx.memory.set({ ts: posted.ts, channel: posted.channel ?? s.channel! } satisfies ThreadRef);
  return posted;
}

export const slackChannel: ChannelType<SlackSettings> = {
  type: 'slack',
  label: 'Slack',
  settingsSchema: SlackSettings,
  secretFields: ['webhookUrl', 'botToken'],
  missingCredentials: (s) => (s.botToken ? missing(s, 'channel') : missing(s, 'webhookUrl')),
  minIntervalMs: 1000,
  templates: {
    text: '{{#alerts}}• *{{severityUpper}}* {{summary}}{{#description}}\n  {{description}}{{/description}}\n{{/alerts}}',
  },
  async send(n, s, ctx) {
    const payload = slackBlocks(n);
    if (s.botToken) return sendWithBot(payload, n.message.kind, s, ctx);
    const res = await postJson(s.webhookUrl!, payload, ctx);
    return { ok: res.ok, statusCode: res.statusCode, retryAfterMs: res.retryAfterMs, permanent: res.permanent, error: res.error };
  },
};
