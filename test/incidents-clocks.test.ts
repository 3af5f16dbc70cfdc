import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAuditEvents, verifyAuditChain } from '../src/modules/audit/index.ts';
import {
  acknowledgeIncident,
  changeSeverity,
  createIncident,
  DEFAULT_POLICY,
  getIncident,
  getTimeline,
  recordRegulatorNotified,
  flagBreach,
  severityOfAlerts,
  updateSeverityPolicy,
  type IncidentDeps,
  type SeverityPolicyDocument,
} from '../src/modules/incidents/index.ts';
import { HOUR, MINUTE, ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { addMemberTo, createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { startSmtpSink } from './helpers/smtp.ts';
import { makeChannel, Receiver } from './notifications-helpers.ts';
import { drainJobs } from './oncall-helpers.ts';

const T0 = Date.parse('2027-01-29T10:00:00Z');
const auditor = (ctx: Ctx) => ({ ctx: { ...ctx, role: 'auditor' as const } });

describeEachDialect('incident clocks: calendar rules, SLA breaches and the 72-hour breach clock (clock-driven)', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let receiver: Receiver;
  let deps: IncidentDeps;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await createTestRuntime({ dialect, clock });
    receiver = await Receiver.start();
    deps = { secrets: () => t.runtime.secrets() };
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const org = async () => (await createOrgWithOwner(t.runtime, `inc-clock-${dialect}-${++n}`, { email: 'owner@clocks.example.com' })).ctx;
  const at = async (ms: number) => {
    clock.set(ms);
    await drainJobs(t.runtime);
  };

  it('raises P1 to P0 on a listed date in the policy’s time zone, and only on that date', async () => {
    const ctx = await org();
    const calendar: SeverityPolicyDocument = {
      ...DEFAULT_POLICY,
      timeZone: 'America/New_York',
      labelRules: [{ name: 'filing', matchers: ['domain="submission"'], severity: 'P1' }],
      calendarRules: [{ name: 'Filing deadline', dates: ['2027-01-31'], from: ['P1'], to: 'P0' }],
    };
    await updateSeverityPolicy({ ctx, input: calendar });
    const severityAt = async (iso: string, severity?: 'P1' | 'P2') => {
      clock.set(Date.parse(iso));
      return (await createIncident({ ctx, deps, input: { title: `at ${iso}`, ...(severity ? { severity } : {}) } })).severity;
    };
    // New York is five hours behind UTC in January.
    expect(await severityAt('2027-01-31T04:59:00Z', 'P1')).toBe('P1');
    expect(await severityAt('2027-01-31T05:00:00Z', 'P1')).toBe('P0');
    expect(await severityAt('2027-02-01T04:59:00Z', 'P1')).toBe('P0');
    expect(await severityAt('2027-02-01T05:00:00Z', 'P1')).toBe('P1');
    expect(await severityAt('2027-01-31T12:00:00Z', 'P2')).toBe('P2');
    clock.set(Date.parse('2027-01-31T12:00:00Z'));
    const raised = await createIncident({ ctx, deps, input: { title: 'deadline day', severity: 'P1' } });
    expect(raised.severityReason).toEqual({ source: 'given', base: 'P1', calendarRule: 'Filing deadline' });
    expect(raised.sla.response.dueAt).toBe(new Date(Date.parse('2027-01-31T12:00:00Z') + 15 * MINUTE).toISOString());

    const alert = { labels: { domain: 'submission' }, severity: 'warning' };
    expect(severityOfAlerts(calendar, [alert], Date.parse('2027-01-31T12:00:00Z'))).toMatchObject({ severity: 'P0', reason: { source: 'label-rule', rule: 'filing', base: 'P1', calendarRule: 'Filing deadline' } });
    expect(severityOfAlerts(calendar, [alert], Date.parse('2027-02-01T12:00:00Z')).severity).toBe('P1');
    expect(severityOfAlerts(calendar, [{ labels: { domain: 'web' }, severity: 'critical' }], Date.parse('2027-01-31T12:00:00Z')).severity).toBe('P0');
    expect(severityOfAlerts(calendar, [{ labels: {}, severity: 'warning' }], Date.parse('2027-01-31T12:00:00Z')).severity).toBe('P3');
  });

  it('records SLA breaches on the incident, the timeline and the audit chain', async () => {
    const ctx = await org();
    clock.set(T0);
    const made = await createIncident({ ctx, deps, input: { title: 'Slow reports', severity: 'P2' } });
    await at(T0 + 4 * HOUR - 1);
    expect((await getIncident({ ctx, id: made.id })).sla.response.breachedAt).toBeNull();
    await at(T0 + 4 * HOUR);
    clock.set(T0 + 5 * HOUR);
    await acknowledgeIncident({ ctx, id: made.id });
    await at(T0 + 24 * HOUR);
    const shown = await getIncident({ ctx, id: made.id });
    expect(shown.sla).toEqual({
      response: { dueAt: new Date(T0 + 4 * HOUR).toISOString(), metAt: new Date(T0 + 5 * HOUR).toISOString(), breachedAt: new Date(T0 + 4 * HOUR).toISOString() },
      resolution: { dueAt: new Date(T0 + 24 * HOUR).toISOString(), metAt: null, breachedAt: new Date(T0 + 24 * HOUR).toISOString() },
    });
    const breaches = (await getTimeline({ ctx, id: made.id })).filter((e) => e.kind === 'sla.breached');
    expect(breaches.map((e) => [e.detail?.clock, e.actor.type])).toEqual([
      ['response', 'system'],
      ['resolution', 'system'],
    ]);
    const audit = await listAuditEvents({ ...auditor(ctx), input: { subject: `incident:${made.id}`, limit: 20 } });
    expect(audit.data.filter((e) => e.action === 'incident.sla_breached').map((e) => (e.data as { clock: string }).clock).sort()).toEqual(['resolution', 'response']);
  });

  it('a met target is not a breach, and a severity change moves the clocks', async () => {
    const ctx = await org();
    clock.set(T0);
    const made = await createIncident({ ctx, deps, input: { title: 'Quick', severity: 'P3' } });
    clock.set(T0 + 10 * MINUTE);
    await acknowledgeIncident({ ctx, id: made.id });
    const raised = await changeSeverity({ ctx, id: made.id, severity: 'P1', reason: 'customers affected' });
    expect(raised.sla.resolution.dueAt).toBe(new Date(T0 + 4 * HOUR).toISOString());
    expect(raised.reviewRequired).toBe(true);
    await at(T0 + 4 * HOUR);
    const shown = await getIncident({ ctx, id: made.id });
    expect(shown.sla.response.breachedAt).toBeNull();
    expect(shown.sla.resolution.breachedAt).toBe(new Date(T0 + 4 * HOUR).toISOString());
    // The P3 resolution check booked before the change finds it stale.
    await at(T0 + 15 * 24 * HOUR);
    expect((await getTimeline({ ctx, id: made.id })).filter((e) => e.kind === 'sla.breached')).toHaveLength(1);
  });

  it('runs the 72-hour breach clock: reminders at 24, 48 and 66 hours, overdue at 72, audited and visible', async () => {
    const ctx = await org();
    const dpo = await makeChannel(t.runtime, ctx, { name: 'dpo', type: 'webhook', settings: { url: `${receiver.url}/dpo-${dialect}`, secret: 'dpo-signing-secret-123' } });
    await updateSeverityPolicy({ ctx, input: { ...DEFAULT_POLICY, breachNotification: { roles: ['owner'], userIds: [], channelIds: [dpo.id], escalationPolicyId: null } } });
    clock.set(T0);
    const made = await createIncident({ ctx, deps, input: { title: 'Export bucket public', severity: 'P1' } });
    expect(made.breachClock).toBeNull();
    clock.set(T0 + HOUR);
    const flagged = await flagBreach({ ctx, id: made.id, possibleBreach: true, note: 'customer files exposed' });
    expect(flagged.breachClock).toEqual({ startedAt: new Date(T0 + HOUR).toISOString(), dueAt: new Date(T0 + 73 * HOUR).toISOString(), notifiedAt: null, notifiedBy: null, overdueAt: null, reminders: [] });
    expect((await flagBreach({ ctx, id: made.id, possibleBreach: true })).breachClock!.startedAt).toBe(flagged.breachClock!.startedAt);

    await at(T0 + 25 * HOUR - 1);
    expect((await getIncident({ ctx, id: made.id })).breachClock!.reminders).toEqual([]);
    for (const h of [25, 49, 67, 73]) await at(T0 + h * HOUR);
    const shown = await getIncident({ ctx, id: made.id });
    expect(shown.breachClock!.reminders.map((r) => [r.hoursElapsed, r.overdue, r.at])).toEqual([
      [24, false, new Date(T0 + 25 * HOUR).toISOString()],
      [48, false, new Date(T0 + 49 * HOUR).toISOString()],
      [66, false, new Date(T0 + 67 * HOUR).toISOString()],
      [72, true, new Date(T0 + 73 * HOUR).toISOString()],
    ]);
    expect(shown.breachClock!.reminders[0].recipients).toEqual(['owner <owner@clocks.example.com>']);
    expect(shown.breachClock!.overdueAt).toBe(new Date(T0 + 73 * HOUR).toISOString());
    const sent = receiver.requests.filter((r) => r.path === `/dpo-${dialect}`).map((r) => JSON.parse(r.body).message.title as string);
    expect(sent).toHaveLength(4);
    expect(sent[1]).toContain('[BREACH CLOCK 48h]');
    expect(sent[3]).toContain('[OVERDUE]');

    clock.set(T0 + 80 * HOUR);
    const notified = await recordRegulatorNotified({ ctx, id: made.id, input: { reference: 'ICO-2027-0042' } });
    expect(notified.breachClock).toMatchObject({ notifiedAt: new Date(T0 + 80 * HOUR).toISOString(), notifiedBy: 'custos CLI' });

    const audit = await listAuditEvents({ ...auditor(ctx), input: { subject: `incident:${made.id}`, limit: 50 } });
    const actions = audit.data.map((e) => e.action).toReversed();
    expect(actions.filter((a) => a.startsWith('incident.breach') || a === 'incident.regulator_notified')).toEqual([
      'incident.breach_flagged',
      'incident.breach_reminder',
      'incident.breach_reminder',
      'incident.breach_reminder',
      'incident.breach_overdue',
      'incident.regulator_notified',
    ]);
    expect(audit.data.find((e) => e.action === 'incident.regulator_notified')!.data).toMatchObject({ inTime: false, reference: 'ICO-2027-0042' });
    expect((await verifyAuditChain(auditor(ctx))).ok).toBe(true);
  });

  it('mails each member of the named role at their own address when the breach policy names an email channel', async () => {
    const ctx = await org();
    const dpo = await addMemberTo(t.runtime, `inc-clock-${dialect}-${n}`, 'admin', 'dpo@clocks.example.com');
    const smtp = await startSmtpSink();
    try {
      const mail = await makeChannel(t.runtime, ctx, { name: 'privacy mail', type: 'email', settings: { host: '127.0.0.1', port: smtp.port, from: 'custos@example.com', to: ['privacy-team@example.com'] } });
      await updateSeverityPolicy({ ctx, input: { ...DEFAULT_POLICY, breachNotification: { roles: ['owner'], userIds: [dpo.id], channelIds: [mail.id], escalationPolicyId: null } } });
      clock.set(T0);
      await createIncident({ ctx, deps, input: { title: 'CRM export emailed to a supplier', severity: 'P2', possibleBreach: true } });
      await at(T0 + 24 * HOUR);
      expect(smtp.mails.map((m) => m.to).toSorted()).toEqual([['dpo@clocks.example.com'], ['owner@clocks.example.com']]);
      expect(smtp.mails[0].raw).toContain('BREACH CLOCK 24h');
    } finally {
      await smtp.close();
    }
  });

  it('stops reminding once the regulator is notified, and a cleared flag stops the clock', async () => {
    const ctx = await org();
    clock.set(T0);
    const a = await createIncident({ ctx, deps, input: { title: 'Laptop lost', severity: 'P2', possibleBreach: true } });
    const b = await createIncident({ ctx, deps, input: { title: 'Mail misdirected', severity: 'P2', possibleBreach: true } });
    await at(T0 + 24 * HOUR);
    clock.set(T0 + 30 * HOUR);
    await recordRegulatorNotified({ ctx, id: a.id, input: { note: 'reported online' } });
    await flagBreach({ ctx, id: b.id, possibleBreach: false });
    await at(T0 + 80 * HOUR);
    expect((await getIncident({ ctx, id: a.id })).breachClock!.reminders.map((r) => r.hoursElapsed)).toEqual([24]);
    const cleared = await getIncident({ ctx, id: b.id });
    expect(cleared.possibleBreach).toBe(false);
    expect(cleared.breachClock!.reminders.map((r) => r.hoursElapsed)).toEqual([24]);
    const audit = await listAuditEvents({ ...auditor(ctx), input: { subject: `incident:${a.id}`, limit: 50 } });
    expect(audit.data.find((e) => e.action === 'incident.regulator_notified')!.data).toMatchObject({ inTime: true });
    const notFlagged = await createIncident({ ctx, deps, input: { title: 'Nothing personal' } });
    await expect(recordRegulatorNotified({ ctx, id: notFlagged.id, input: {} })).rejects.toMatchObject({ code: 'INCIDENT_BREACH_NOT_FLAGGED' });
  });
});
