import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { listReceipts, type NotificationMessage } from '../src/modules/notifications/index.ts';
import { ManualClock, SECOND } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { startSmtpSink } from './helpers/smtp.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { drain, enqueueNotification, makeChannel, Receiver, sampleMessage, type Reply } from './notifications-helpers.ts';
import { checkDiscord, checkOpsgenie, checkPagerDuty, checkSlack, checkTeams, checkTwilio, strict, verifyCustosSignature } from './notifications-vendors.ts';
import { decodeMail } from './notifications-mail.ts';

describeEachDialect('notification channels deliver to loopback vendors', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let ctx: Ctx;
  let problems: string[];
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T00:00:00Z');
    t = await createTestRuntime({ dialect, clock });
    ctx = (await createOrgWithOwner(t.runtime, 'channels')).ctx;
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await t.close();
  });
  beforeEach(() => {
    problems = [];
  });

  const receiver = async (handler: (req: any) => Reply) => {
    const r = await Receiver.start(handler);
    receivers.push(r);
    return r;
  };

  /** Sends `message` through the channel as the alerts module would, runs the jobs, returns the receipts. */
  const deliver = async (channelId: string, message: NotificationMessage = sampleMessage({}, ctx.orgId)) => {
    const dispatchId = newId();
    await enqueueNotification(t.runtime, { orgId: ctx.orgId, channelId, dispatchId, message });
    await drain(t.runtime);
    return (await listReceipts({ ctx, input: { dispatchId, limit: 50 } })).data;
  };

  it('slack: Block Kit with badge, organization, SLA reminder and buttons', async () => {
    const slack = await receiver(strict(checkSlack, { status: 200, body: 'ok' }, problems));
    const ch = await makeChannel(t.runtime, ctx, { name: 'ops', type: 'slack', settings: { webhookUrl: `${slack.url}/services/T000/B000/XXXX` } });
    const [receipt] = await deliver(ch.id);
    expect(problems).toEqual([]);
    expect(receipt).toMatchObject({ status: 'delivered', statusCode: 200, attempt: 1 });
    const body = slack.json(0);
    expect(body.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: expect.stringMatching(/^🔴 \[FIRING:1\]/) } });
    const flat = JSON.stringify(body.blocks);
    for (const part of ['Acme Ops', 'CRITICAL', 'Respond within 15 minutes (P0)', 'https://custos.example.com/incidents/1', 'https://runbooks.example.com/api-down', 'api.example.com answered 503']) expect(flat).toContain(part);
  });

  it('slack bot mode: chat.postMessage, then chat.update of the same ts on resolve', async () => {
    const api = await receiver((req) => {
      const found = checkSlack(req);
      if (found.length) problems.push(...found);
      return { status: 200, body: JSON.stringify(req.path.endsWith('chat.postMessage') ? { ok: true, ts: '1767225600.000100', channel: 'C0123' } : { ok: true }) };
    });
    const ch = await makeChannel(t.runtime, ctx, { name: 'bot', type: 'slack', settings: { botToken: 'xoxb-test-token-1234', channel: '#ops', apiBaseUrl: `${api.url}/api` } });
    const firing = sampleMessage({}, ctx.orgId);
    expect((await deliver(ch.id, firing))[0].status).toBe('delivered');
    clock.advance(2 * SECOND);
    expect((await deliver(ch.id, { ...firing, kind: 'alert.resolved', alerts: firing.alerts.map((a) => ({ ...a, status: 'resolved' as const })) }))[0].status).toBe('delivered');
    expect(api.requests.map((r) => r.path)).toEqual(['/api/chat.postMessage', '/api/chat.update']);
    expect(api.requests[0].headers.authorization).toBe('Bearer xoxb-test-token-1234');
    expect(api.json(1)).toMatchObject({ channel: 'C0123', ts: '1767225600.000100' });
    expect(api.json(1).blocks[0].text.text).toMatch(/^✅/);
    expect(problems).toEqual([]);
  });

  it('pagerduty: Events v2 trigger and resolve share one dedup_key; a long group key is hashed under 255', async () => {
    const pd = await receiver(strict(checkPagerDuty, { status: 202, body: JSON.stringify({ status: 'success', message: 'Event processed' }) }, problems));
    const ch = await makeChannel(t.runtime, ctx, { name: 'pd', type: 'pagerduty', settings: { routingKey: 'R0UT1NGKEY0000000000000000000000', eventsUrl: `${pd.url}/v2/enqueue` } });
    const firing = sampleMessage({ groupKey: `g:${'x'.repeat(400)}`, title: 'T'.repeat(2000) }, ctx.orgId);
    expect((await deliver(ch.id, firing))[0]).toMatchObject({ status: 'delivered', statusCode: 202 });
    expect((await deliver(ch.id, { ...firing, kind: 'alert.resolved' }))[0].status).toBe('delivered');
    const [trigger, resolve] = [pd.json(0), pd.json(1)];
    expect(problems).toEqual([]);
    expect(trigger).toMatchObject({ event_action: 'trigger', payload: { severity: 'critical', source: 'api' } });
    expect(Array.from(trigger.payload.summary as string)).toHaveLength(1024);
    expect(trigger.dedup_key.length).toBeLessThanOrEqual(255);
    expect(resolve).toEqual({ routing_key: 'R0UT1NGKEY0000000000000000000000', event_action: 'resolve', dedup_key: trigger.dedup_key });
  });

  it('email: a real SMTP server receives HTML and plain-text parts', async () => {
    const smtp = await startSmtpSink({ login: { user: 'alerts', password: 'smtp-password-1' } });
    const { mails, port } = smtp;
    const ch = await makeChannel(t.runtime, ctx, { name: 'mail', type: 'email', settings: { host: '127.0.0.1', port, user: 'alerts', password: 'smtp-password-1', from: 'custos@example.com', to: ['oncall@example.com'] } });
    const [receipt] = await deliver(ch.id);
    await smtp.close();
    expect(receipt).toMatchObject({ status: 'delivered', statusCode: 250 });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: 'custos@example.com', to: ['oncall@example.com'] });
    const mail = decodeMail(mails[0].raw);
    expect(mail.subject).toBe('[FIRING:1] HTTP check failed — api (prod)');
    expect(mail.contentType).toMatch(/^multipart\/alternative/);
    expect(mail.text).toContain('- [CRITICAL] api.example.com answered 503 three times');
    expect(mail.html).toContain('<h2 style="margin:0 0 8px">[FIRING:1] HTTP check failed — api (prod)</h2>');
    expect(mail.html).toContain('<a href="https://custos.example.com/incidents/1">Open incident</a>');
  });

  it('twilio: an SMS and a voice call with TwiML <Say>', async () => {
    const sid = 'AC0123456789abcdef0123456789abcdef';
    const tw = await receiver(strict(checkTwilio(sid, 'twilio-auth-token'), { status: 201, body: JSON.stringify({ sid: 'SM1' }) }, problems));
    const settings = { accountSid: sid, authToken: 'twilio-auth-token', from: '+15005550006', to: '+447700900123', apiBaseUrl: tw.url };
    const sms = await makeChannel(t.runtime, ctx, { name: 'sms', type: 'twilio-sms', settings });
    const call = await makeChannel(t.runtime, ctx, { name: 'call', type: 'twilio-voice', settings });
    expect((await deliver(sms.id))[0]).toMatchObject({ status: 'delivered', statusCode: 201 });
    expect((await deliver(call.id))[0]).toMatchObject({ status: 'delivered', statusCode: 201 });
    expect(problems).toEqual([]);
    expect(tw.requests.map((r) => r.path)).toEqual([`/2010-04-01/Accounts/${sid}/Messages.json`, `/2010-04-01/Accounts/${sid}/Calls.json`]);
    expect(new URLSearchParams(tw.requests[0].body).get('Body')).toContain('[FIRING] CRITICAL [FIRING:1] HTTP check failed');
    expect(new URLSearchParams(tw.requests[1].body).get('Twiml')).toMatch(/^<Response><Say loop="2">This is Custos for Acme Ops\. FIRING, severity critical\./);
  });

  it('teams, discord, opsgenie, telegram and ntfy accept their payloads', async () => {
    const teams = await receiver(strict(checkTeams, { status: 200, body: '1' }, problems));
    const discord = await receiver(strict(checkDiscord, { status: 204 }, problems));
    const og = await receiver(strict(checkOpsgenie('og-key-123456'), { status: 202, body: '{"result":"Request will be processed"}' }, problems));
    const tg = await receiver(() => ({ status: 200, body: '{"ok":true,"result":{"message_id":7}}' }));
    const ntfy = await receiver(() => ({ status: 200, body: '{"id":"x"}' }));
    const made = [
      await makeChannel(t.runtime, ctx, { name: 'teams', type: 'teams', settings: { webhookUrl: `${teams.url}/webhookb2/x` } }),
      await makeChannel(t.runtime, ctx, { name: 'discord', type: 'discord', settings: { webhookUrl: `${discord.url}/api/webhooks/1/abc` } }),
      await makeChannel(t.runtime, ctx, { name: 'og', type: 'opsgenie', settings: { apiKey: 'og-key-123456', apiBaseUrl: og.url } }),
      await makeChannel(t.runtime, ctx, { name: 'tg', type: 'telegram', settings: { botToken: '123456:ABC-secret', chatId: '-1001', apiBaseUrl: tg.url } }),
      await makeChannel(t.runtime, ctx, { name: 'ntfy', type: 'ntfy', settings: { serverUrl: ntfy.url, topic: 'custos-alerts', token: 'tk_ntfy_token' } }),
    ];
    const firing = sampleMessage({}, ctx.orgId);
    for (const ch of made) expect((await deliver(ch.id, firing))[0].status, ch.type).toBe('delivered');
    clock.advance(2 * SECOND);
    expect((await deliver(made[2].id, { ...firing, kind: 'alert.resolved' }))[0].status).toBe('delivered');
    expect(problems).toEqual([]);
    expect(og.requests.map((r) => r.path)).toEqual(['/v2/alerts', `/v2/alerts/${encodeURIComponent(firing.groupKey)}/close?identifierType=alias`]);
    expect(og.json(0)).toMatchObject({ alias: firing.groupKey, priority: 'P1' });
    expect(tg.requests[0].path).toBe('/bot123456:ABC-secret/sendMessage');
    expect(tg.json(0)).toMatchObject({ chat_id: '-1001', text: expect.stringContaining('api.example.com answered 503') });
    const n = ntfy.requests[0];
    expect(n.path).toBe('/custos-alerts');
    expect(n.headers).toMatchObject({ priority: '5', authorization: 'Bearer tk_ntfy_token', click: 'https://custos.example.com/ack/1' });
    expect(n.headers.tags).toContain('rotating_light');
    const title = /^=\?UTF-8\?B\?(.+)\?=$/.exec(String(n.headers.title))![1];
    expect(Buffer.from(title, 'base64').toString('utf8')).toBe('[FIRING:1] HTTP check failed — api (prod)');
  });

  it('webhook: the signature verifies with an independent HMAC and carries the idempotency key', async () => {
    const secret = 'whsec_0123456789abcdef';
    const hook = await receiver((req) => {
      problems.push(...verifyCustosSignature(req, secret, clock.now()));
      return { status: 204 };
    });
    const ch = await makeChannel(t.runtime, ctx, { name: 'hook', type: 'webhook', settings: { url: `${hook.url}/hooks/custos`, secret, headers: { 'X-Team': 'core' } } });
    const [receipt] = await deliver(ch.id);
    expect(receipt).toMatchObject({ status: 'delivered', statusCode: 204 });
    expect(problems).toEqual([]);
    const req = hook.requests[0];
    expect(req.headers['idempotency-key']).toBe(receipt.idempotencyKey);
    expect(req.headers['x-team']).toBe('core');
    expect(hook.json(0)).toMatchObject({ version: 1, idempotencyKey: receipt.idempotencyKey, message: { kind: 'alert.firing', org: { name: 'Acme Ops' } } });
    const tampered = { ...req, body: req.body.replace('Acme Ops', 'Acme 0ps') };
    expect(verifyCustosSignature(tampered, secret, clock.now())).toEqual(['signature mismatch']);
    expect(verifyCustosSignature(req, secret, clock.now() + 301 * SECOND)).toEqual(['timestamp outside the 5 minute window']);
  });
});
