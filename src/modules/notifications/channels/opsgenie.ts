import { z } from 'zod';
import { sourceOf, topSeverity, type Severity } from '../message.ts';
import { boundedKey, httpUrl, linkButtons, secretString } from './common.ts';
import { joinUrl, postJson, truncate } from './http.ts';
import { missing, type ChannelType } from './types.ts';

export const OpsgenieSettings = z.object({
  apiKey: secretString().describe('API integration key (secret)'),
  apiBaseUrl: httpUrl().default('https://api.opsgenie.com').describe('https://api.eu.opsgenie.com for the EU instance'),
  responders: z.array(z.object({ type: z.enum(['team', 'user', 'escalation', 'schedule']), name: z.string().min(1).max(200) })).max(50).default([]),
});
export type OpsgenieSettings = z.infer<typeof OpsgenieSettings>;

const PRIORITY: Record<Severity, string> = { critical: 'P1', error: 'P2', warning: 'P3', info: 'P5' };

/** Alert API v2: create with alias = group key, then acknowledge or close by that alias. Limits: message 130, alias 512. */
export const opsgenieChannel: ChannelType<OpsgenieSettings> = {
  type: 'opsgenie',
  label: 'Opsgenie',
  settingsSchema: OpsgenieSettings,
  secretFields: ['apiKey'],
  missingCredentials: (s) => missing(s, 'apiKey'),
  async send(n, s, ctx) {
    const { message } = n;
    const alias = boundedKey(message.groupKey, 512);
    const auth = { authorization: `GenieKey ${s.apiKey}` };
    const byAlias = (action: string) => joinUrl(s.apiBaseUrl, `v2/alerts/${encodeURIComponent(alias)}/${action}?identifierType=alias`);
    const note = { source: 'Custos', user: 'Custos', note: truncate(n.title, 25_000) };
    const res =
      message.kind === 'alert.resolved'
        ? await postJson(byAlias('close'), note, ctx, auth)
        : message.kind === 'alert.acknowledged'
          ? await postJson(byAlias('acknowledge'), note, ctx, auth)
          : await postJson(
              joinUrl(s.apiBaseUrl, 'v2/alerts'),
              {
                message: truncate(n.title, 130),
                alias,
                description: truncate(n.text, 15_000),
                source: truncate(sourceOf(message), 100),
                entity: truncate(message.org.name, 512),
                priority: PRIORITY[topSeverity(message)],
                responders: s.responders,
                tags: Object.entries(message.alerts[0]?.labels ?? {}).slice(0, 20).map(([k, v]) => truncate(`${k}:${v}`, 50)),
                details: Object.fromEntries([
                  ...(message.responseSla ? [['responseSla', message.responseSla]] : []),
                  ...linkButtons(message).map((b) => [b.label, b.url]),
                ]),
              },
              ctx,
              auth,
            );
    return { ok: res.ok, statusCode: res.statusCode, retryAfterMs: res.retryAfterMs, permanent: res.permanent, error: res.error };
  },
};
