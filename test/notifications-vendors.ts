import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReceivedRequest, Reply } from './notifications-helpers.ts';

/**
 * Validators for the payload shapes each vendor documents, written from the vendors' references
 * and independent of the code under test. Each returns the problems it finds (empty = valid).
 */
type Check = (req: ReceivedRequest) => string[];

const json = (req: ReceivedRequest): any => {
  try {
    return JSON.parse(req.body);
  } catch {
    return undefined;
  }
};
const str = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && Array.from(v).length <= max;

export const PD_SEVERITIES = ['critical', 'error', 'warning', 'info'];

/** PagerDuty Events API v2 (developer.pagerduty.com, "Send an Alert Event"). */
export const checkPagerDuty: Check = (req) => {
  const e = json(req);
  const p: string[] = [];
  if (!e) return ['body is not JSON'];
  if (!str(e.routing_key, 64)) p.push('routing_key');
  if (!['trigger', 'acknowledge', 'resolve'].includes(e.event_action)) p.push('event_action');
  if (e.dedup_key !== undefined && !str(e.dedup_key, 255)) p.push('dedup_key over 255');
  if (e.event_action !== 'trigger' && !e.dedup_key) p.push('dedup_key required for acknowledge/resolve');
  if (e.event_action === 'trigger') {
    const pl = e.payload ?? {};
    if (!str(pl.summary, 1024)) p.push('payload.summary missing or over 1024');
    if (!str(pl.source, 255)) p.push('payload.source');
    if (!PD_SEVERITIES.includes(pl.severity)) p.push('payload.severity');
    if (pl.timestamp !== undefined && Number.isNaN(Date.parse(pl.timestamp))) p.push('payload.timestamp');
    if (pl.custom_details !== undefined && typeof pl.custom_details !== 'object') p.push('payload.custom_details');
    for (const l of e.links ?? []) if (!str(l.href, 2000)) p.push('links.href');
  }
  return p;
};

/** Slack Block Kit (api.slack.com/reference/block-kit/blocks). */
export const checkSlack: Check = (req) => {
  const m = json(req);
  if (!m) return ['body is not JSON'];
  const p: string[] = [];
  if (!str(m.text, 40_000)) p.push('text (fallback) missing');
  if (!Array.isArray(m.blocks) || m.blocks.length === 0 || m.blocks.length > 50) return [...p, 'blocks must be 1..50'];
  const actionIds = new Set<string>();
  for (const [i, b] of m.blocks.entries()) {
    if (b.type === 'header') {
      if (b.text?.type !== 'plain_text' || !str(b.text.text, 150)) p.push(`blocks[${i}] header text`);
    } else if (b.type === 'section') {
      if (b.text && (!['mrkdwn', 'plain_text'].includes(b.text.type) || !str(b.text.text, 3000))) p.push(`blocks[${i}] section text`);
      if (b.fields && (b.fields.length > 10 || b.fields.some((f: any) => !str(f.text, 2000)))) p.push(`blocks[${i}] fields`);
      if (!b.text && !b.fields) p.push(`blocks[${i}] empty section`);
    } else if (b.type === 'context') {
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) p.push(`blocks[${i}] context elements`);
    } else if (b.type === 'actions') {
      if (!Array.isArray(b.elements) || b.elements.length > 25) p.push(`blocks[${i}] actions elements`);
      for (const el of b.elements ?? []) {
        if (el.type !== 'button' || el.text?.type !== 'plain_text' || !str(el.text.text, 75)) p.push(`blocks[${i}] button`);
        if (el.url !== undefined && !str(el.url, 3000)) p.push(`blocks[${i}] button url`);
        if (actionIds.has(el.action_id)) p.push(`blocks[${i}] duplicate action_id`);
        actionIds.add(el.action_id);
      }
    } else p.push(`blocks[${i}] unexpected type ${b.type}`);
  }
  return p;
};

/** Twilio REST 2010-04-01 Messages / Calls (form-encoded, HTTP basic auth with the account SID). */
export const checkTwilio =
  (sid: string, token: string): Check =>
  (req) => {
    const p: string[] = [];
    const m = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(req.path);
    if (!m || m[1] !== sid) return ['path'];
    if (req.headers.authorization !== `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`) p.push('basic auth');
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) p.push('content-type');
    const form = new URLSearchParams(req.body);
    for (const f of ['To', 'From']) if (!/^\+[1-9]\d{6,14}$/.test(form.get(f) ?? '')) p.push(f);
    if (m[2] === 'Messages' && !str(form.get('Body'), 1600)) p.push('Body');
    if (m[2] === 'Calls' && !/^<Response><Say[^>]*>[^<]+<\/Say><\/Response>$/.test(form.get('Twiml') ?? '')) p.push('Twiml');
    return p;
  };

/** Teams incoming webhook carrying an Adaptive Card. */
export const checkTeams: Check = (req) => {
  const m = json(req);
  const a = m?.attachments?.[0];
  const p: string[] = [];
  if (m?.type !== 'message') p.push('type');
  if (a?.contentType !== 'application/vnd.microsoft.card.adaptive') p.push('contentType');
  if (a?.content?.type !== 'AdaptiveCard' || !/^1\.\d$/.test(a?.content?.version ?? '')) p.push('card type/version');
  if (!Array.isArray(a?.content?.body) || a.content.body.some((el: any) => typeof el.type !== 'string')) p.push('card body');
  for (const act of a?.content?.actions ?? []) if (act.type !== 'Action.OpenUrl' || !act.url) p.push('action');
  return p;
};

/** Discord execute-webhook with embeds (discord.com/developers/docs/resources/webhook). */
export const checkDiscord: Check = (req) => {
  const m = json(req);
  const p: string[] = [];
  if (!Array.isArray(m?.embeds) || m.embeds.length === 0 || m.embeds.length > 10) return ['embeds'];
  for (const e of m.embeds) {
    if (e.title !== undefined && !str(e.title, 256)) p.push('title');
    if (e.description !== undefined && !str(e.description, 4096)) p.push('description');
    if (!Number.isInteger(e.color)) p.push('color');
    if ((e.fields ?? []).length > 25) p.push('fields count');
    for (const f of e.fields ?? []) if (!str(f.name, 256) || !str(f.value, 1024)) p.push('field');
  }
  return p;
};

/** Opsgenie Alert API v2: create (message ≤130, alias ≤512) and close/acknowledge by alias. */
export const checkOpsgenie =
  (apiKey: string): Check =>
  (req) => {
    const p: string[] = [];
    if (req.headers.authorization !== `GenieKey ${apiKey}`) p.push('authorization');
    const m = json(req) ?? {};
    if (req.path === '/v2/alerts') {
      if (!str(m.message, 130)) p.push('message');
      if (m.alias !== undefined && !str(m.alias, 512)) p.push('alias');
      if (!/^P[1-5]$/.test(m.priority)) p.push('priority');
    } else if (!/^\/v2\/alerts\/[^/]+\/(close|acknowledge)\?identifierType=alias$/.test(req.path)) p.push(`path ${req.path}`);
    return p;
  };

/** The generic webhook, verified the way the README tells receivers to. */
export function verifyCustosSignature(req: ReceivedRequest, secret: string, nowMs: number): string[] {
  const ts = String(req.headers['x-custos-timestamp'] ?? '');
  const given = String(req.headers['x-custos-signature'] ?? '');
  if (!/^\d+$/.test(ts)) return ['timestamp header'];
  if (Math.abs(nowMs / 1000 - Number(ts)) > 300) return ['timestamp outside the 5 minute window'];
  const expected = `v1=${createHmac('sha256', secret).update(`${ts}.${req.body}`, 'utf8').digest('hex')}`;
  const ok = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  return ok ? [] : ['signature mismatch'];
}

/** Answers 400 with the problems, like a strict vendor, so an invalid payload also fails delivery. */
export function strict(check: Check, ok: Reply, problems: string[]): (req: ReceivedRequest) => Reply {
  return (req) => {
    const found = check(req);
    if (found.length === 0) return ok;
    problems.push(...found.map((f) => `${req.path}: ${f}`));
    return { status: 400, body: JSON.stringify({ errors: found }) };
  };
}
