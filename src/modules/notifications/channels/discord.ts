import { z } from 'zod';
import { sourceOf } from '../message.ts';
import { headline, httpUrl, labelPairs, linkButtons } from './common.ts';
import { parseRetryAfter, postJson, truncate } from './http.ts';
import { missing, type ChannelType } from './types.ts';

export const DiscordSettings = z.object({
  webhookUrl: httpUrl().optional().describe('webhook URL (secret)'),
  username: z.string().max(80).default('Custos'),
});
export type DiscordSettings = z.infer<typeof DiscordSettings>;

/** Embed limits from Discord's reference: title 256, description 4096, 25 fields of 256/1024. */
export const discordChannel: ChannelType<DiscordSettings> = {
  type: 'discord',
  label: 'Discord',
  settingsSchema: DiscordSettings,
  secretFields: ['webhookUrl'],
  missingCredentials: (s) => missing(s, 'webhookUrl'),
  minIntervalMs: 500,
  async send(n, s, ctx) {
    const { message } = n;
    const h = headline(message);
    const links = linkButtons(message);
    const description = [n.text.trim(), message.kind === 'alert.firing' && message.responseSla ? `⏰ ${message.responseSla}` : '', links.map((l) => `[${l.label}](${l.url})`).join(' · ')]
      .filter(Boolean)
      .join('\n\n');
    const embed = {
      title: truncate(`${h.badge} ${n.title}`, 256),
      description: truncate(description, 4096),
      color: h.color,
      ...(links[0] ? { url: links[0].url } : {}),
      fields: [
        { name: 'Severity', value: h.severity.toUpperCase(), inline: true },
        { name: 'Status', value: h.status, inline: true },
        { name: 'Source', value: truncate(sourceOf(message), 1024), inline: true },
        ...labelPairs(message, 20).map(([k, v]) => ({ name: truncate(k, 256), value: truncate(v || '-', 1024), inline: true })),
      ],
      footer: { text: truncate(message.org.name, 2048) },
      timestamp: new Date(ctx.now()).toISOString(),
    };
    const res = await postJson(s.webhookUrl!, { username: s.username, allowed_mentions: { parse: [] }, embeds: [embed] }, ctx);
    // Discord also gives the wait in the JSON body (`retry_after`, seconds) when the header is absent.
    let retryAfterMs = res.retryAfterMs;
    if (res.statusCode === 429 && retryAfterMs === undefined) {
      try {
        retryAfterMs = parseRetryAfter(String((JSON.parse(res.body) as { retry_after?: number }).retry_after ?? ''), ctx.now());
      } catch {
        retryAfterMs = undefined;
      }
    }
    return { ok: res.ok, statusCode: res.statusCode, retryAfterMs, permanent: res.permanent, error: res.error };
  },
};
