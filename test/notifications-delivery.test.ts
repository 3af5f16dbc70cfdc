import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { createNotificationsModule, listReceipts, updateNotificationSettings, type NotificationMessage } from '../src/modules/notifications/index.ts';
import { HOUR, ManualClock, SECOND } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { getJob, type JobTables } from '../src/platform/jobs/index.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { drain, enqueueNotification, makeChannel, Receiver, sampleMessage, type Reply } from './notifications-helpers.ts';

describeEachDialect('notification delivery', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let ctx: Ctx;
  let hook: Receiver;
  let replies: Reply[];
  const secret = 'whsec_delivery_tests_0001';

  beforeAll(async () => {
    clock = new ManualClock('2026-03-01T00:00:00Z');
    const notifications = createNotificationsModule({ delivery: { attemptTimeoutMs: 300, maxAttempts: 3, random: () => 0.5 } });
    t = await createTestRuntime({ dialect, clock, modules: [auditModule, authModule, notifications] });
    ctx = (await createOrgWithOwner(t.runtime, 'delivery')).ctx;
    hook = await Receiver.start(() => replies.shift() ?? { status: 200, body: 'ok' });
  });
  afterAll(async () => {
    await hook.close();
    await t.close();
  });
  beforeEach(() => {
    replies = [];
    hook.requests.length = 0;
  });

  const webhook = (name = `hook-${newId()}`) => makeChannel(t.runtime, ctx, { name, type: 'webhook', settings: { url: `${hook.url}/in`, secret } });
  const send = async (channelId: string, message: NotificationMessage = sampleMessage({}, ctx.orgId), dispatchId = newId()) => {
    const jobId = (await enqueueNotification(t.runtime, { orgId: ctx.orgId, channelId, dispatchId, message }))!;
    await drain(t.runtime);
    return { dispatchId, jobId };
  };
  const receipts = async (dispatchId: string) => (await listReceipts({ ctx, input: { dispatchId, limit: 100 } })).data.toReversed();
  const jobByKey = (key: string) => t.runtime.db.withTables<JobTables>().selectFrom('jobs').selectAll().where('idempotency_key', '=', key).executeTakeFirst();

  it('retries a 500 at the backoff and delivers on the 200, with one idempotency key throughout', async () => {
    replies = [{ status: 500, body: 'boom' }];
    const { dispatchId } = await send((await webhook()).id);
    const [first] = await receipts(dispatchId);
    expect(first).toMatchObject({ status: 'retrying', attempt: 1, statusCode: 500, error: 'HTTP 500: boom' });
    const due = Date.parse(first.nextAttemptAt!);
    expect(due - clock.now()).toBe(30 * SECOND);
    clock.set(due - 1);
    await drain(t.runtime);
    expect(hook.requests).toHaveLength(1);
    clock.set(due);
    await drain(t.runtime);
    const all = await receipts(dispatchId);
    expect(all.map((r) => [r.status, r.attempt, r.statusCode])).toEqual([['retrying', 1, 500], ['delivered', 2, 200]]);
    expect(new Set(hook.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([all[0].idempotencyKey]));
  });

  it('honours Retry-After on a 429', async () => {
    replies = [{ status: 429, headers: { 'retry-after': '120' }, body: 'slow down' }];
    const { dispatchId } = await send((await webhook()).id);
    expect((await receipts(dispatchId))[0]).toMatchObject({ status: 'retrying', statusCode: 429, nextAttemptAt: new Date(clock.now() + 120 * SECOND).toISOString() });
    clock.advance(119 * SECOND);
    await drain(t.runtime);
    expect(hook.requests).toHaveLength(1);
    clock.advance(SECOND);
    await drain(t.runtime);
    expect((await receipts(dispatchId)).map((r) => r.status)).toEqual(['retrying', 'delivered']);
  });

  it('does not retry a 400 from PagerDuty', async () => {
    const pd = await Receiver.start(() => ({ status: 400, body: '{"status":"invalid event","errors":["Event object is invalid"]}' }));
    const ch = await makeChannel(t.runtime, ctx, { name: 'pd', type: 'pagerduty', settings: { routingKey: 'R0UT1NGKEY0000000000000000000000', eventsUrl: pd.url } });
    const { dispatchId, jobId } = await send(ch.id);
    clock.advance(2 * HOUR);
    await drain(t.runtime);
    await pd.close();
    expect(pd.requests).toHaveLength(1);
    expect((await receipts(dispatchId)).map((r) => [r.status, r.statusCode])).toEqual([['failed', 400]]);
    expect((await getJob(t.runtime.db, jobId))?.status).toBe('failed');
  });

  it('times an attempt out and retries after a connection reset', async () => {
    replies = [{ status: 200, delayMs: 1500 }, 'reset'];
    const { dispatchId } = await send((await webhook()).id);
    for (let i = 0; i < 2; i++) {
      clock.advance(HOUR);
      await drain(t.runtime);
    }
    const all = await receipts(dispatchId);
    expect(all.map((r) => r.status)).toEqual(['retrying', 'retrying', 'delivered']);
    expect(all[0].error).toBe('timed out after 300 ms');
    expect(all[1].error).toMatch(/^connection reset/);
    expect(all[0].latencyMs).toBeGreaterThanOrEqual(250);
  });

  it('sends to the fallback channel and raises a self-alert when every channel of a dispatch fails', async () => {
    const fallbackBox = await Receiver.start(() => ({ status: 200 }));
    const fallback = await makeChannel(t.runtime, ctx, { name: 'fallback', type: 'webhook', settings: { url: fallbackBox.url, secret } });
    await updateNotificationSettings({ ctx, input: { fallbackChannelId: fallback.id } });
    const pd = await Receiver.start(() => ({ status: 400, body: '{}' }));
    const broken = await makeChannel(t.runtime, ctx, { name: 'pd-broken', type: 'pagerduty', settings: { routingKey: 'R0UT1NGKEY0000000000000000000000', eventsUrl: pd.url } });
    const flaky = await webhook('always-500');
    replies = Array.from({ length: 3 }, () => ({ status: 503 }));
    const dispatchId = newId();
    const message = sampleMessage({}, ctx.orgId);
    await enqueueNotification(t.runtime, { orgId: ctx.orgId, channelId: broken.id, dispatchId, message });
    await enqueueNotification(t.runtime, { orgId: ctx.orgId, channelId: flaky.id, dispatchId, message });
    await drain(t.runtime);
    expect(await jobByKey(`selfalert:${dispatchId}`)).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      clock.advance(HOUR);
      await drain(t.runtime);
    }
    await pd.close();
    await fallbackBox.close();
    const all = await receipts(dispatchId);
    expect(all.filter((r) => !r.fallback).map((r) => r.status).sort()).toEqual(['failed', 'failed', 'retrying', 'retrying']);
    expect(all.filter((r) => r.fallback).map((r) => [r.channelId, r.status])).toEqual([[fallback.id, 'delivered']]);
    expect(JSON.parse(fallbackBox.requests[0].body).message.title).toBe(message.title);
    const raise = await jobByKey(`selfalert:${dispatchId}`);
    expect(raise).toMatchObject({ kind: 'alert.raise', org_id: ctx.orgId, status: 'pending' });
    const payload = JSON.parse(raise!.payload);
    expect(payload).toMatchObject({
      orgId: ctx.orgId,
      dedupKey: `custos:delivery-failed:${dispatchId}`,
      status: 'firing',
      labels: { alertname: 'NotificationDeliveryFailed', severity: 'critical', source: 'custos' },
    });
    expect(payload.annotations.summary).toContain(message.title);
    expect(payload.annotations.description).toContain('pagerduty "pd-broken": failed (HTTP 400: {})');
    await updateNotificationSettings({ ctx, input: { fallbackChannelId: null } });
  });

  it('does not fall back when one channel of the dispatch delivered', async () => {
    const pd = await Receiver.start(() => ({ status: 400 }));
    const broken = await makeChannel(t.runtime, ctx, { name: 'pd-400', type: 'pagerduty', settings: { routingKey: 'R0UT1NGKEY0000000000000000000000', eventsUrl: pd.url } });
    const dispatchId = newId();
    const message = sampleMessage({}, ctx.orgId);
    await enqueueNotification(t.runtime, { orgId: ctx.orgId, channelId: broken.id, dispatchId, message });
    await enqueueNotification(t.runtime, { orgId: ctx.orgId, channelId: (await webhook()).id, dispatchId, message });
    await drain(t.runtime);
    await pd.close();
    expect((await receipts(dispatchId)).map((r) => r.status).sort()).toEqual(['delivered', 'failed']);
    expect(await jobByKey(`selfalert:${dispatchId}`)).toBeUndefined();
  });

  it('defers rather than sleeps to keep Slack at one message a second per webhook', async () => {
    const slack = await Receiver.start(() => ({ status: 200, body: 'ok' }));
    const ch = await makeChannel(t.runtime, ctx, { name: 'slack', type: 'slack', settings: { webhookUrl: `${slack.url}/services/x` } });
    for (let i = 0; i < 3; i++) await enqueueNotification(t.runtime, { orgId: ctx.orgId, channelId: ch.id, dispatchId: newId(), message: sampleMessage({}, ctx.orgId) });
    await drain(t.runtime);
    expect(slack.requests).toHaveLength(1);
    clock.advance(SECOND);
    await drain(t.runtime);
    expect(slack.requests).toHaveLength(2);
    clock.advance(SECOND);
    await drain(t.runtime);
    await slack.close();
    expect(slack.requests).toHaveLength(3);
  });

  it('records a channel without credentials as skipped, once, without retries', async () => {
    const ch = await makeChannel(t.runtime, ctx, { name: 'no-creds', type: 'webhook', settings: {} });
    const { dispatchId, jobId } = await send(ch.id);
    clock.advance(2 * HOUR);
    await drain(t.runtime);
    expect((await receipts(dispatchId)).map((r) => [r.status, r.error])).toEqual([['skipped', 'skipped: missing credentials (url, secret)']]);
    expect((await getJob(t.runtime.db, jobId))?.status).toBe('done');
  });

  it('redacts emails, tokens and configured fields before the payload leaves', async () => {
    await updateNotificationSettings({ ctx, input: { redactFields: ['customer_id'] } });
    const message = sampleMessage({ title: 'Login failures for jane.doe@example.com' }, ctx.orgId);
    message.alerts[0] = { ...message.alerts[0], summary: 'Token Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U rejected for bob@example.org', labels: { service: 'auth', customer_id: 'C-99812' } };
    await send((await webhook()).id, message);
    await updateNotificationSettings({ ctx, input: { redactFields: [] } });
    const body = hook.requests[0].body;
    for (const leaked of ['jane.doe@example.com', 'bob@example.org', 'eyJhbGciOiJIUzI1NiJ9', 'C-99812']) expect(body).not.toContain(leaked);
    const sent = JSON.parse(body).message;
    expect(sent.title).toBe('Login failures for [email]');
    expect(sent.alerts[0].labels).toEqual({ service: 'auth', customer_id: '[redacted]' });
  });

  it('does not send again when a finished job is replayed after a crash', async () => {
    const { dispatchId, jobId } = await send((await webhook()).id);
    await t.runtime.db.withTables<JobTables>().updateTable('jobs').set({ status: 'pending', due_at: clock.now() }).where('id', '=', jobId).execute();
    await drain(t.runtime);
    expect(hook.requests).toHaveLength(1);
    expect(await receipts(dispatchId)).toHaveLength(1);
  });
});
