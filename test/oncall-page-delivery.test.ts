import { afterAll, beforeAll, expect, it } from 'vitest';
import { listChannels, type NotificationMessage } from '../src/modules/notifications/index.ts';
import { createContactMethod, createEscalationPolicy, createNotificationRule, listEscalationEvents, startEscalation, type ChannelDirectory } from '../src/modules/oncall/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { decodeMail } from './notifications-mail.ts';
import { channelDeps, makeChannel } from './notifications-helpers.ts';
import { drainJobs, oncallOrg } from './oncall-helpers.ts';

const message = (orgId: string): NotificationMessage => ({ kind: 'alert.firing', org: { id: orgId, name: 'Acme' }, title: '[P3] Slow reports', groupKey: 'incident:slow', alerts: [], links: {} });

describeEachDialect('pages reach one person through the organization’s channels', (dialect) => {
  let t: TestRuntime;
  let smtp: SmtpSink;
  let port: number;
  let mails: SmtpSink['mails'];

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock: new ManualClock('2026-06-01T12:00:00Z') });
    smtp = await startSmtpSink();
    ({ port, mails } = smtp);
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  const directory: () => ChannelDirectory = () => ({ list: async (c: Ctx) => (await listChannels({ ctx: c, input: { limit: 50 }, deps: channelDeps(t.runtime) })).data });

  async function escalate(slug: string, withEmailChannel: boolean) {
    const { ctx, people } = await oncallOrg(t.runtime, slug, ['ann', 'bob', 'cat']);
    if (withEmailChannel) await makeChannel(t.runtime, ctx, { name: 'mail', type: 'email', settings: { host: '127.0.0.1', port, from: 'custos@example.com', to: ['team@example.com'] } });
    const channels = directory();
    await createContactMethod({ ctx, userId: people.ann.id, channels, input: { type: 'email', address: `ann.${slug}@example.net` } });
    const catSms = await createContactMethod({ ctx, userId: people.cat.id, channels, input: { type: 'sms', address: '+447700900003' } });
    await createNotificationRule({ ctx, userId: people.cat.id, input: { contactMethodId: catSms.id, delayMinutes: 0, urgency: 'high' } });
    const targets = [people.ann, people.bob, people.cat].map((p) => ({ type: 'user' as const, id: p.id }));
    const policy = await createEscalationPolicy({ ctx, channels, input: { name: 'Low', repeat: 0, steps: [{ delayMinutes: 0, targets }] } });
    await startEscalation({ ctx, policyId: policy.id, subject: { type: 'incident', id: slug, title: 'Slow reports', severity: 'P3' }, message: message(ctx.orgId) });
    await drainJobs(t.runtime);
    const events = await listEscalationEvents({ ctx, subject: { type: 'incident', id: slug } });
    const names = new Map(Object.entries(people).map(([name, p]) => [p.id, name]));
    return events.filter((e) => e.kind.startsWith('page.')).map((e) => `${names.get(e.userId!)} ${e.kind} ${e.method ?? '-'} ${(e.detail?.reason as string) ?? ''}`.trim());
  }

  it('mails the person’s own address, skips someone unreachable and honours urgency rules', async () => {
    const pages = await escalate(`deliver-${dialect}`, true);
    expect(pages.sort()).toEqual(['ann page.sent email', 'bob page.failed - no contact methods', 'cat page.failed - no notification rule for low urgency']);
    const mine = mails.filter((m) => m.to.includes(`ann.deliver-${dialect}@example.net`));
    expect(mine).toHaveLength(1);
    expect(mine[0].to).toEqual([`ann.deliver-${dialect}@example.net`]);
    expect(decodeMail(mine[0].raw).subject).toBe('[P3] Slow reports');
  });

  it('records why a page could not be sent when the organization has no channel for the method', async () => {
    const pages = await escalate(`nochannel-${dialect}`, false);
    expect(pages).toContain('ann page.failed email no enabled email channel in the organization');
  });
});
