import { z } from 'zod';
import { sourceOf } from '../message.ts';
import { headline, httpUrl, labelPairs, linkButtons } from './common.ts';
import { postJson, truncate } from './http.ts';
import { missing, type ChannelType } from './types.ts';

export const TeamsSettings = z.object({
  webhookUrl: httpUrl().optional().describe('incoming webhook or Workflows URL (secret)'),
});
export type TeamsSettings = z.infer<typeof TeamsSettings>;

const TEAMS_COLOR: Record<string, string> = { critical: 'attention', error: 'attention', warning: 'warning', info: 'accent' };

export const teamsChannel: ChannelType<TeamsSettings> = {
  type: 'teams',
  label: 'Microsoft Teams',
  settingsSchema: TeamsSettings,
  secretFields: ['webhookUrl'],
  missingCredentials: (s) => missing(s, 'webhookUrl'),
  minIntervalMs: 250,
  async send(n, s, ctx) {
    const { message } = n;
    const h = headline(message);
    const color = message.kind === 'alert.resolved' ? 'good' : TEAMS_COLOR[h.severity];
    const facts = [
      { title: 'Severity', value: h.severity.toUpperCase() },
      { title: 'Status', value: h.status },
      { title: 'Organization', value: message.org.name },
      { title: 'Source', value: sourceOf(message) },
      ...labelPairs(message, 10).map(([title, value]) => ({ title, value })),
    ];
    const card = {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        { type: 'TextBlock', text: truncate(`${h.badge} ${n.title}`, 300), weight: 'Bolder', size: 'Large', wrap: true, color },
        ...(message.responseSla && message.kind === 'alert.firing' ? [{ type: 'TextBlock', text: `⏰ ${message.responseSla}`, wrap: true, isSubtle: true }] : []),
        { type: 'TextBlock', text: truncate(n.text.trim(), 4000), wrap: true },
        { type: 'FactSet', facts },
      ],
      actions: linkButtons(message).map((b) => ({ type: 'Action.OpenUrl', title: b.label, url: b.url })),
    };
    const res = await postJson(s.webhookUrl!, { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] }, ctx);
    return { ok: res.ok, statusCode: res.statusCode, retryAfterMs: res.retryAfterMs, permanent: res.permanent, error: res.error };
  },
};
