import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appModules } from '../src/app/modules.ts';
import { buildApp } from '../src/http/build-app.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createRuntime, migrateRuntime, type Runtime } from '../src/platform/runtime.ts';
import { createChannel, createDefaultChannelRegistry } from '../src/modules/notifications/index.ts';
import { createOrgWithOwner, createTokenFor, orgCtx, type TestToken } from './helpers/auth.ts';
import { describeEachDialect, makeDatabase, type TestDatabase } from './helpers/databases.ts';
import { testConfig } from './helpers/runtime.ts';
import { enqueueNotification, Receiver, sampleMessage } from './notifications-helpers.ts';

const SLACK_PATH = '/services/T0001/B0001/hooksecretvalue42';
const SIGNING = 'whsec_api_signing_secret_0001';

describeEachDialect('channels API', (dialect) => {
  let database: TestDatabase;
  let runtime: Runtime;
  let app: FastifyInstance;
  let admin: TestToken;
  let viewer: TestToken;
  let otherAdmin: TestToken;
  let vendor: Receiver;
  let logs = '';

  beforeAll(async () => {
    database = await makeDatabase(dialect);
    // Every log line is kept, at trace level, to prove that no secret is ever logged.
    const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void (logs += line) } });
    runtime = createRuntime({ config: testConfig({ databaseUrl: database.url }), modules: appModules(), clock: new ManualClock('2026-03-01T00:00:00Z'), logger });
    const summary = await migrateRuntime(runtime);
    if (summary.failed) throw new Error(summary.failed.error);
    app = await buildApp(runtime, { runsJobs: false, web: false });
    await createOrgWithOwner(runtime, 'api-a');
    await createOrgWithOwner(runtime, 'api-b', { email: 'owner@api-a.example.com' });
    admin = await createTokenFor(runtime, 'api-a', 'admin');
    viewer = await createTokenFor(runtime, 'api-a', 'viewer');
    otherAdmin = await createTokenFor(runtime, 'api-b', 'admin');
    vendor = await Receiver.start((req) => (req.path.includes('fail') ? { status: 500, body: 'nope' } : { status: 200, body: 'ok' }));
  });
  afterAll(async () => {
    await vendor.close();
    await app.close();
    await runtime.runner.stop(100);
    await runtime.store.close();
    await database.drop();
  });

  const call = (method: string, url: string, token: TestToken = admin, payload?: unknown) =>
    app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: token.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const createSlack = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await call('POST', '/channels', admin, { name, type: 'slack', settings: { webhookUrl: `${vendor.url}${SLACK_PATH}` }, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('encrypts secrets at rest and masks them in every answer and in the audit chain', async () => {
    const made = await createSlack('ops-slack');
    expect(made.settings.webhookUrl).toBe('••••••ue42');
    expect(made.missingCredentials).toEqual([]);
    expect((await call('GET', `/channels/${made.id}`, viewer)).json().settings.webhookUrl).toBe('••••••ue42');
    expect(JSON.stringify((await call('GET', '/channels', viewer)).json())).not.toContain('hooksecretvalue42');
    const row = await runtime.db.withTables<{ notification_channels: { id: string; settings: string; secrets: string } }>().selectFrom('notification_channels').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('hooksecretvalue42');
    expect(row.secrets).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(runtime.secrets().decrypt(row.secrets)).toContain('hooksecretvalue42');
    const audit = await call('GET', `/audit/events?subject=channel:${made.id}`);
    expect(audit.json().data.map((e: { action: string }) => e.action)).toEqual(['channel.create']);
    expect(audit.body).not.toContain('hooksecretvalue42');
  });

  it('keeps a secret sent back masked, replaces a new one, and removes one set to null', async () => {
    const made = await createSlack('rotate');
    const keep = await call('PATCH', `/channels/${made.id}`, admin, { settings: { ...made.settings }, name: 'rotated' });
    expect(keep.json()).toMatchObject({ name: 'rotated', settings: { webhookUrl: '••••••ue42' } });
    expect((await call('POST', `/channels/${made.id}/test`)).json().status).toBe('delivered');
    const replaced = await call('PATCH', `/channels/${made.id}`, admin, { settings: { webhookUrl: `${vendor.url}/fail/new-secret-9999` } });
    expect(replaced.json().settings.webhookUrl).toBe('••••••9999');
    expect((await call('POST', `/channels/${made.id}/test`)).json()).toMatchObject({ status: 'failed', statusCode: 500, error: 'HTTP 500: nope' });
    const removed = await call('PATCH', `/channels/${made.id}`, admin, { settings: { webhookUrl: null } });
    expect(removed.json()).toMatchObject({ missingCredentials: ['webhookUrl'] });
    expect(removed.json().settings).not.toHaveProperty('webhookUrl');
  });

  it('records a test send as a test receipt and a channel.test audit event', async () => {
    const made = await createSlack('tested');
    const res = await call('POST', `/channels/${made.id}/test`, admin, { message: 'Checking the pager path' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'delivered', test: true, kind: 'test', statusCode: 200, attempt: 1, channelId: made.id });
    expect(JSON.stringify(JSON.parse(vendor.requests.at(-1)!.body).blocks)).toContain('Checking the pager path');
    const listed = await call('GET', `/channels/${made.id}/receipts`, viewer);
    expect(listed.json().data.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
    const audit = (await call('GET', `/audit/events?action=channel.test&subject=channel:${made.id}`)).json().data;
    expect(audit[0].data).toMatchObject({ receiptId: res.json().id, status: 'delivered', statusCode: 200 });
  });

  it('answers a test of a channel without credentials with a skipped receipt', async () => {
    const made = (await call('POST', '/channels', admin, { name: 'pending-creds', type: 'pagerduty', settings: {} })).json();
    expect(made.missingCredentials).toEqual(['routingKey']);
    expect((await call('POST', `/channels/${made.id}/test`)).json()).toMatchObject({ status: 'skipped', error: 'skipped: missing credentials (routingKey)' });
    const skipped = (await call('GET', '/receipts?status=skipped', viewer)).json().data;
    expect(skipped.map((r: { channelId: string }) => r.channelId)).toContain(made.id);
  });

  it('names the invalid field: settings, type and template', async () => {
    const bad = await call('POST', '/channels', admin, { name: 'x', type: 'webhook', settings: { url: 'ftp://example.com', secret: 'short' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['settings.secret', 'settings.url']);
    const badType = await call('POST', '/channels', admin, { name: 'x', type: 'carrier-pigeon', settings: {} });
    expect(badType.json().error.details.issues[0].path).toBe('type');
    const badTemplate = await call('POST', '/channels', admin, { name: 'x', type: 'email', settings: { host: 'h', from: 'a@b.co', to: ['c@d.co'] }, template: { html: '<p>{{{title}}}</p>', text: '{{#alerts}}' } });
    expect(badTemplate.statusCode).toBe(400);
    expect(badTemplate.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['template.text', 'template.html']);
  });

  it('renders a custom logic-less template into the message', async () => {
    const hook = (await call('POST', '/channels', admin, { name: 'templated', type: 'webhook', settings: { url: `${vendor.url}/hook`, secret: SIGNING }, template: { text: 'ALERT {{severityUpper}} for {{org.name}}: {{#alerts}}{{summary}}{{/alerts}}' } })).json();
    expect((await call('POST', `/channels/${hook.id}/test`)).json().status).toBe('delivered');
    expect(JSON.parse(vendor.requests.at(-1)!.body).rendered.text).toBe('ALERT INFO for api-a: If you can read this, the channel works.');
  });

  it('answers 404 across organizations and lists channel types', async () => {
    const made = await createSlack('mine');
    for (const [method, url] of [['GET', `/channels/${made.id}`], ['POST', `/channels/${made.id}/test`], ['GET', `/channels/${made.id}/receipts`], ['DELETE', `/channels/${made.id}`]]) {
      const res = await call(method, url, otherAdmin);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('CHANNEL_NOT_FOUND');
    }
    const types = (await call('GET', '/channel-types', viewer)).json().data;
    expect(types.map((t: { type: string }) => t.type)).toEqual(['slack', 'pagerduty', 'email', 'twilio-sms', 'twilio-voice', 'teams', 'discord', 'opsgenie', 'telegram', 'ntfy', 'webhook']);
    expect(types.find((t: { type: string }) => t.type === 'slack')).toMatchObject({ secretFields: ['webhookUrl', 'botToken'], minIntervalMs: 1000 });
  });

  it('sets the fallback channel (admin only, same organization) and protects it from deletion', async () => {
    const made = await createSlack('fallback');
    const foreign = (await call('POST', '/channels', otherAdmin, { name: 'theirs', type: 'webhook', settings: {} })).json();
    expect((await call('GET', '/notification-settings', viewer)).json()).toEqual({ fallbackChannelId: null, redactFields: [], updatedAt: null });
    expect((await call('PUT', '/notification-settings', viewer, { fallbackChannelId: made.id })).statusCode).toBe(403);
    const wrong = await call('PUT', '/notification-settings', admin, { fallbackChannelId: foreign.id });
    expect(wrong.json().error.details.issues[0].path).toBe('fallbackChannelId');
    expect((await call('PUT', '/notification-settings', admin, { fallbackChannelId: made.id })).json()).toMatchObject({ fallbackChannelId: made.id });
    expect((await call('DELETE', `/channels/${made.id}`)).json().error.code).toBe('CHANNEL_IS_FALLBACK');
    await call('PUT', '/notification-settings', admin, { fallbackChannelId: null });
    expect((await call('DELETE', `/channels/${made.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/channels/${made.id}`)).statusCode).toBe(404);
  });

  it('never writes a secret to the log, even when a delivery fails', async () => {
    const { org } = await createOrgWithOwner(runtime, 'api-logs', { email: 'owner@api-a.example.com' });
    const hook = await createChannel({
      ctx: await orgCtx(runtime, 'api-logs'),
      deps: { registry: createDefaultChannelRegistry(), secrets: () => runtime.secrets() },
      input: { name: 'failing', type: 'webhook', settings: { url: `${vendor.url}/fail/tok-in-url-5150`, secret: SIGNING }, labels: {}, enabled: true },
    });
    await enqueueNotification(runtime, { orgId: org.id, channelId: hook.id, dispatchId: 'd-logs', message: sampleMessage({}, org.id) });
    expect((await runtime.runner.runOnce()).retried).toBe(1);
    expect(logs).toContain('job attempt failed');
    for (const secret of ['hooksecretvalue42', 'new-secret-9999', 'tok-in-url-5150', SIGNING]) expect(logs).not.toContain(secret);
  });
});
