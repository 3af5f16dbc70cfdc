import { afterAll, beforeAll, expect, it } from 'vitest';
import { listChannels, listReceipts, type NotificationMessage } from '../src/modules/notifications/index.ts';
import {
  acknowledgeEscalation,
  createContactMethod,
  createEscalationPolicy,
  createNotificationRule,
  createSchedule,
  listEscalationEvents,
  startEscalation,
  stopEscalation,
  type ChannelDirectory,
} from '../src/modules/oncall/index.ts';
import { MINUTE, ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createRuntime, migrateRuntime, type Runtime } from '../src/platform/runtime.ts';
import { appModules } from '../src/app/modules.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { channelDeps, makeChannel, Receiver } from './notifications-helpers.ts';
import { drainJobs, jobAttempts, oncallOrg, pageSends, replayJob, type OncallPerson } from './oncall-helpers.ts';

const T0 = Date.parse('2026-06-01T12:00:00Z');
const SID = 'AC0123456789abcdef0123456789abcdef';

const rotation = (name: string, user: OncallPerson) => ({ name, participants: [user.id], rotation: 'weekly' as const, handoffTime: '09:00', startDate: '2026-05-04', restrictions: [] });

const message = (orgId: string, id: string): NotificationMessage => ({
  kind: 'alert.firing',
  org: { id: orgId, name: 'Acme' },
  title: `[P0] Payments down (${id})`,
  groupKey: `incident:${id}`,
  alerts: [],
  links: { incident: `https://custos.example.com/incidents/${id}` },
  responseSla: 'Respond within 15 minutes (P0)',
});

const subjectOf = (id: string) => ({ type: 'incident', id, title: 'Payments down', severity: 'P0' });

/** Who has been paged so far, as `<user or channel>/<method>` in the order the pages were sent. */
async function paged(ctx: Ctx, incident: string, people: Record<string, OncallPerson>) {
  const names = new Map(Object.entries(people).map(([name, p]) => [p.id, name]));
  const events = await listEscalationEvents({ ctx, subject: { type: 'incident', id: incident } });
  return events.filter((e) => e.kind === 'page.sent').map((e) => `${e.userId ? names.get(e.userId) : 'channel'}/${e.method}`);
}

describeEachDialect('paging engine (clock-driven)', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let chat: Receiver;
  let twilio: Receiver;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await createTestRuntime({ dialect, clock });
    chat = await Receiver.start(() => ({ status: 200, body: 'ok' }));
    twilio = await Receiver.start(() => ({ status: 201, body: JSON.stringify({ sid: 'SM1' }) }));
  });
  afterAll(async () => {
    await chat.close();
    await twilio.close();
    await t.close();
  });

  /** The P0 set-up of the issue: primary at 0, secondary at +30, the lead at +45, the executive channel at +60. */
  async function p0Org(runtime: Runtime = t.runtime) {
    const slug = `page-${dialect}-${++n}`;
    const { ctx, people } = await oncallOrg(runtime, slug, ['ann', 'bob', 'lea']);
    const pager = await makeChannel(runtime, ctx, { name: 'pager', type: 'webhook', settings: { url: `${chat.url}/${slug}/pager`, secret: 'pager-signing-secret-1' } });
    const exec = await makeChannel(runtime, ctx, { name: 'exec', type: 'webhook', settings: { url: `${chat.url}/${slug}/exec`, secret: 'exec-signing-secret-12' } });
    const twilioSettings = { accountSid: SID, authToken: 'twilio-auth-token', from: '+15005550006', to: '+15005550009', apiBaseUrl: twilio.url };
    await makeChannel(runtime, ctx, { name: 'sms', type: 'twilio-sms', settings: twilioSettings });
    await makeChannel(runtime, ctx, { name: 'voice', type: 'twilio-voice', settings: twilioSettings });
    const channels: ChannelDirectory = { list: async (c: Ctx) => (await listChannels({ ctx: c, input: { limit: 50 }, deps: channelDeps(runtime) })).data };

    // Ann: chat at once, SMS after 2 minutes, a call after 5 (high urgency). Bob and Lea: chat only, no rules.
    const annChat = await createContactMethod({ ctx: people.ann.ctx, userId: people.ann.id, channels, input: { type: 'chat', channelId: pager.id } });
    const annSms = await createContactMethod({ ctx: people.ann.ctx, userId: people.ann.id, channels, input: { type: 'sms', address: '+447700900001' } });
    const annCall = await createContactMethod({ ctx: people.ann.ctx, userId: people.ann.id, channels, input: { type: 'voice', address: '+447700900001' } });
    for (const [method, delayMinutes] of [[annChat, 0], [annSms, 2], [annCall, 5]] as const) {
      await createNotificationRule({ ctx: people.ann.ctx, userId: people.ann.id, input: { contactMethodId: method.id, delayMinutes, urgency: 'high' } });
    }
    for (const who of [people.bob, people.lea]) await createContactMethod({ ctx: who.ctx, userId: who.id, channels, input: { type: 'chat', channelId: pager.id } });

    const primary = await createSchedule({ ctx, input: { name: 'Primary', timeZone: 'Europe/London', layers: [rotation('Primary', people.ann)] } });
    const secondary = await createSchedule({ ctx, input: { name: 'Secondary', timeZone: 'Europe/London', layers: [rotation('Secondary', people.bob)] } });
    const policy = await createEscalationPolicy({
      ctx,
      channels,
      input: {
        name: 'P0',
        repeat: 0,
        steps: [
          { delayMinutes: 0, targets: [{ type: 'schedule', id: primary.id }] },
          { delayMinutes: 30, targets: [{ type: 'schedule', id: secondary.id }] },
          { delayMinutes: 45, targets: [{ type: 'user', id: people.lea.id }] },
          { delayMinutes: 60, targets: [{ type: 'channel', id: exec.id }] },
        ],
      },
    });
    return { ctx, people, policy, pager, exec, slug };
  }

  async function advanceTo(minutes: number, runtime: Runtime = t.runtime) {
    clock.set(T0 + minutes * MINUTE);
    await drainJobs(runtime);
  }

  it('pages the primary at once, the secondary at exactly +30 min and the lead at +45 min', async () => {
    clock.set(T0);
    const { ctx, people, policy, exec } = await p0Org();
    const { run, started } = await startEscalation({ ctx, policyId: policy.id, subject: subjectOf('inc-1'), message: message(ctx.orgId, 'inc-1') });
    expect(started).toBe(true);
    await drainJobs(t.runtime);
    expect(await paged(ctx, 'inc-1', people)).toEqual(['ann/chat']);

    await advanceTo(2);
    await advanceTo(5);
    expect(await paged(ctx, 'inc-1', people)).toEqual(['ann/chat', 'ann/sms', 'ann/voice']);
    const toTwilio = twilio.requests.filter((r) => r.body.includes('Payments'));
    expect(toTwilio.map((r) => new URLSearchParams(r.body).get('To'))).toEqual(['+447700900001', '+447700900001']);
    expect(toTwilio.map((r) => r.path.split('/').at(-1))).toEqual(['Messages.json', 'Calls.json']);

    clock.set(T0 + 30 * MINUTE - 1);
    await drainJobs(t.runtime);
    expect(await paged(ctx, 'inc-1', people)).toHaveLength(3);
    await advanceTo(30);
    expect(await paged(ctx, 'inc-1', people)).toEqual(['ann/chat', 'ann/sms', 'ann/voice', 'bob/chat']);
    clock.set(T0 + 45 * MINUTE - 1);
    await drainJobs(t.runtime);
    expect(await paged(ctx, 'inc-1', people)).toHaveLength(4);
    await advanceTo(45);
    await advanceTo(60);
    expect(await paged(ctx, 'inc-1', people)).toEqual(['ann/chat', 'ann/sms', 'ann/voice', 'bob/chat', 'lea/chat', 'channel/channel']);

    const sends = await pageSends(t.runtime, run.id);
    expect(sends).toHaveLength(6);
    expect(sends.at(-1)!.channelId).toBe(exec.id);
    expect(sends.find((s) => s.payload.message.recipient?.phone)?.payload.message.recipient).toEqual({ name: 'Ann', phone: '+447700900001' });
    const events = await listEscalationEvents({ ctx, subject: { type: 'incident', id: 'inc-1' } });
    const steps = events.filter((e) => e.kind === 'escalation.step');
    expect(steps.map((e) => [e.step, e.at])).toEqual([0, 30, 45, 60].map((m, i) => [i, new Date(T0 + m * MINUTE).toISOString()]));
    for (const page of events.filter((e) => e.kind === 'page.sent')) {
      const receipts = (await listReceipts({ ctx, input: { dispatchId: page.dispatchId!, limit: 10 } })).data;
      expect(receipts.map((r) => r.status)).toEqual(['delivered']);
    }
    expect(chat.requests.filter((r) => r.body.includes('inc-1'))).toHaveLength(4);
  });

  it('acknowledging at +31 min stops the lead’s page and everything after it', async () => {
    clock.set(T0);
    const { ctx, people, policy } = await p0Org();
    const { run } = await startEscalation({ ctx, policyId: policy.id, subject: subjectOf('inc-2'), message: message(ctx.orgId, 'inc-2') });
    for (const m of [0, 2, 5, 30]) await advanceTo(m);
    clock.set(T0 + 31 * MINUTE);
    const [a, b] = await Promise.all([acknowledgeEscalation({ ctx: people.bob.ctx, subject: { type: 'incident', id: 'inc-2' } }), acknowledgeEscalation({ ctx: people.ann.ctx, subject: { type: 'incident', id: 'inc-2' } })]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((a ?? b)!.status).toBe('acknowledged');
    for (const m of [45, 60, 120]) await advanceTo(m);
    expect(await paged(ctx, 'inc-2', people)).toEqual(['ann/chat', 'ann/sms', 'ann/voice', 'bob/chat']);
    expect(await pageSends(t.runtime, run.id)).toHaveLength(4);
    const events = await listEscalationEvents({ ctx, subject: { type: 'incident', id: 'inc-2' } });
    expect(events.at(-1)).toMatchObject({ kind: 'escalation.acknowledged', at: new Date(T0 + 31 * MINUTE).toISOString() });
    expect(events.filter((e) => e.kind === 'escalation.step').map((e) => e.step)).toEqual([0, 1]);
    const audit = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { subject: 'incident:inc-2', limit: 10 } });
    expect(audit.data.map((e) => [e.action, e.actor.type]).sort()).toEqual([
      ['escalation.acknowledge', 'user'],
      ['escalation.start', 'cli'],
    ]);
  });

  it('skips a page that was due but not yet sent when the acknowledgement came', async () => {
    clock.set(T0);
    const { ctx, people, policy } = await p0Org();
    const { run } = await startEscalation({ ctx, policyId: policy.id, subject: subjectOf('inc-3'), message: message(ctx.orgId, 'inc-3') });
    await drainJobs(t.runtime);
    clock.set(T0 + 2 * MINUTE);
    await acknowledgeEscalation({ ctx: people.ann.ctx, subject: { type: 'incident', id: 'inc-3' } });
    await advanceTo(2);
    await advanceTo(90);
    expect(await paged(ctx, 'inc-3', people)).toEqual(['ann/chat']);
    expect(await pageSends(t.runtime, run.id)).toHaveLength(1);
  });

  it('starts once per subject, and starts afresh after a stop', async () => {
    clock.set(T0);
    const { ctx, policy } = await p0Org();
    const first = await startEscalation({ ctx, policyId: policy.id, subject: subjectOf('inc-4'), message: message(ctx.orgId, 'inc-4') });
    const again = await startEscalation({ ctx, policyId: policy.id, subject: subjectOf('inc-4'), message: message(ctx.orgId, 'inc-4') });
    expect(again).toEqual({ run: first.run, started: false });
    expect((await stopEscalation({ ctx, subject: { type: 'incident', id: 'inc-4' }, reason: 'resolved' }))?.status).toBe('stopped');
    expect(await stopEscalation({ ctx, subject: { type: 'incident', id: 'inc-4' } })).toBeNull();
    const fresh = await startEscalation({ ctx, policyId: policy.id, subject: subjectOf('inc-4'), message: message(ctx.orgId, 'inc-4') });
    expect(fresh.started).toBe(true);
    expect(fresh.run.id).not.toBe(first.run.id);
    await stopEscalation({ ctx, subject: { type: 'incident', id: 'inc-4' } });
    await advanceTo(120);
    expect(await pageSends(t.runtime, first.run.id)).toEqual([]);
  });

  it('replays a step and a page whose worker died after committing without sending twice', async () => {
    clock.set(T0);
    const { ctx, people, policy } = await p0Org();
    const { run } = await startEscalation({ ctx, policyId: policy.id, subject: subjectOf('inc-5'), message: message(ctx.orgId, 'inc-5') });
    for (const m of [0, 2, 5, 30]) await advanceTo(m);
    const before = await pageSends(t.runtime, run.id);
    const bobPage = before.find((s) => s.payload.message.recipient?.name === 'Bob')!;
    await replayJob(t.runtime, `esc:${run.id}:0:1`);
    await replayJob(t.runtime, bobPage.payload.dispatchId);
    await drainJobs(t.runtime);
    expect(await jobAttempts(t.runtime, [`esc:${run.id}:0:1`, bobPage.payload.dispatchId])).toEqual([2, 2]);
    expect(await pageSends(t.runtime, run.id)).toEqual(before);
    expect(await paged(ctx, 'inc-5', people)).toEqual(['ann/chat', 'ann/sms', 'ann/voice', 'bob/chat']);
  });

  it('a restart between steps skips no step and repeats none', async () => {
    clock.set(T0);
    const first = await createTestRuntime({ dialect, clock });
    const { ctx, people, policy } = await p0Org(first.runtime);
    const { run } = await startEscalation({ ctx, policyId: policy.id, subject: subjectOf('inc-6'), message: message(ctx.orgId, 'inc-6') });
    for (const m of [0, 2, 5]) await advanceTo(m, first.runtime);
    expect(await pageSends(first.runtime, run.id)).toHaveLength(3);
    clock.set(T0 + 20 * MINUTE);
    await first.runtime.runner.stop(1_000);
    await first.runtime.store.close();

    const second = createRuntime({ config: first.runtime.config, modules: appModules(), clock, logger: createLogger({ level: 'silent' }) });
    try {
      expect((await migrateRuntime(second)).applied).toEqual([]);
      for (const m of [30, 45, 60, 200]) await advanceTo(m, second);
      const sends = await pageSends(second, run.id);
      expect(sends).toHaveLength(6);
      expect(new Set(sends.map((s) => s.key)).size).toBe(6);
      const events = await listEscalationEvents({ ctx: { ...ctx, db: second.db }, subject: { type: 'incident', id: 'inc-6' } });
      expect(events.filter((e) => e.kind === 'escalation.step').map((e) => [e.step, e.at])).toEqual([0, 30, 45, 60].map((m, i) => [i, new Date(T0 + m * MINUTE).toISOString()]));
      expect(await paged({ ...ctx, db: second.db }, 'inc-6', people)).toEqual(['ann/chat', 'ann/sms', 'ann/voice', 'bob/chat', 'lea/chat', 'channel/channel']);
    } finally {
      await second.runner.stop(1_000);
      await second.store.close();
      await first.database.drop();
    }
  });
});
