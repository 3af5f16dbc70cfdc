import { z } from 'zod';
import { httpUrl, secretString } from './common.ts';
import { joinUrl, postJson, truncate } from './http.ts';
import { missing, type ChannelType } from './types.ts';

export const TelegramSettings = z.object({
  botToken: secretString().describe('bot token from @BotFather (secret)'),
  chatId: z.union([z.string().trim().min(1).max(100), z.number().int()]),
  apiBaseUrl: httpUrl().default('https://api.telegram.org'),
});
export type TelegramSettings = z.infer<typeof TelegramSettings>;

export const telegramChannel: ChannelType<TelegramSettings> = {
  type: 'telegram',
  label: 'Telegram',
  settingsSchema: TelegramSettings,
  secretFields: ['botToken'],
  missingCredentials: (s) => missing(s, 'botToken'),
  minIntervalMs: 1000,
  async send(n, s, ctx) {
    // Plain text (no parse_mode): alert content can never break Telegram's markup parser.
    const res = await postJson(
      joinUrl(s.apiBaseUrl, `bot${s.botToken}/sendMessage`),
      { chat_id: s.chatId, text: truncate(n.text.trim() || n.title, 4096), disable_web_page_preview: true },
      ctx,
    );
    let retryAfterMs = res.retryAfterMs;
    if (res.statusCode === 429 && retryAfterMs === undefined) {
      try {
        const seconds = (JSON.parse(res.body) as { parameters?: { retry_after?: number } }).parameters?.retry_after;
        retryAfterMs = typeof seconds === 'number' ? seconds * 1000 : undefined;
      } catch {
        retryAfterMs = undefined;
      }
    }
    return { ok: res.ok, statusCode: res.statusCode, retryAfterMs, permanent: res.permanent, error: res.error };
  },
};
