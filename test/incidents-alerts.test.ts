import { afterAll, beforeAll, expect, it } from 'vitest';
import { raiseAlert, resolveAlert, updateRoutes } from '../src/modules/alerts/index.ts';
import { acknowledgeIncident, createIncident, DEFAULT_POLICY, flagBreach, getIncident, getTimeline, listIncidents, recordRegulatorNotified, resolveIncident, updateSeverityPolicy } from '../src/modules/incidents/index.ts';
import { createEscalationPolicy, deleteEscalationPolicy, getEscalation, listEscalationEvents, type ChannelDirectory } from '../src/modules/oncall/index.ts';
import { listChannels } from '../src/modules/notifications/index.ts';
import { HOUR, MINUTE, ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { channelDeps, makeChannel, Receiver } from './notifications-helpers.ts';
import { drainJobs } from './oncall-helpers.ts';

const T0 = Date.parse('2027-06-07T08:00:00Z');
const fire = (ctx: Ctx, key: string, labels: Record<string, string>) =>
  raiseAlert({ ctx, input: { dedupKey: key, labels: { alertname: 'DiskFull', team: 'ops', ...labels }, annotations: { summary: `${key} is full` }, severity: 'warning' } });

describeEachDialect('incidents opened and updated by alert groups', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let receiver: Receiver;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await createTestRuntime({ dialect, clock });
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const at = async (ms: number) => {
    clock.set(ms);
    await drainJobs(t.runtime);
  };

  /** An organization whose `team=ops` alerts go to a webhook channel and page a channel-only policy. */
  async function org(policyName = 'Ops pager') {
    clock.set(T0);
    const slug = `inc-alerts-${dialect}-${++n}`;
    const { ctx } = await createOrgWithOwner(t.runtime, slug, { email: 'owner@alerts.example.com' });
    const hook = await makeChannel(t.runtime, ctx, { name: 'hook', type: 'webhook', settings: { url: `${receiver.url}/${slug}`, secret: 'hook-signing-secret-12' } });
    const channels: ChannelDirectory = { list: async (c: Ctx) => (await listChannels({ ctx: c, input: { limit: 50 }, deps: channelDeps(t.runtime) })).data };
    const policy = await createEscalationPolicy({ ctx, channels, input: { name: 'Ops pager', repeat: 0, steps: [{ delayMinutes: 0, targets: [{ type: 'channel', id: hook.id }] }] } });
    await updateRoutes({ ctx, input: { receivers: [hook.id], group_by: ['alertname'], group_wait: '0s', group_interval: '1m', routes: [{ matchers: ['team="ops"'], escalation_policy: policyName }] } });
    return { ctx, slug, policy, hook };
  }

  it('joins the open incident per group, raises its severity for a more severe alert, and resolves when all alerts resolve', async () => {
    const { ctx } = await org();
    await updateSeverityPolicy({ ctx, input: { ...DEFAULT_POLICY, labelRules: [{ name: 'databases', matchers: ['host=~"db-.*"'], severity: 'P1' }] } });
    await fire(ctx, 'web-1', { host: 'web-1' });
    await at(T0);
    const [incident] = (await listIncidents({ ctx, input: {} })).data;
    expect(incident).toMatchObject({ severity: 'P3', source: 'alert', labels: { alertname: 'DiskFull', team: 'ops', host: 'web-1' } });
    expect((await getEscalation({ ctx, subject: { type: 'incident', id: incident.id } }))?.status).toBe('active');

    clock.set(T0 + 10_000);
    await fire(ctx, 'db-1', { host: 'db-1' });
    await at(T0 + MINUTE);
    expect((await listIncidents({ ctx, input: {} })).data).toHaveLength(1);
    const raised = await getIncident({ ctx, id: incident.id });
    expect(raised.severity).toBe('P1');
    expect(raised.alerts.map((a) => a.summary).sort()).toEqual(['db-1 is full', 'web-1 is full']);
    expect(raised.sla.response.dueAt).toBe(new Date(T0 + HOUR).toISOString());

    clock.set(T0 + 2 * MINUTE);
    await resolveAlert({ ctx, input: { dedupKey: 'web-1' } });
    await at(T0 + 3 * MINUTE);
    expect((await getIncident({ ctx, id: incident.id })).status).toBe('triggered');
    await resolveAlert({ ctx, input: { dedupKey: 'db-1' } });
    await at(T0 + 4 * MINUTE);
    const done = await getIncident({ ctx, id: incident.id });
    expect(done).toMatchObject({ status: 'resolved', resolvedBy: 'Custos incidents' });
    expect((await getEscalation({ ctx, subject: { type: 'incident', id: incident.id } }))?.status).toBe('stopped');
    const kinds = (await getTimeline({ ctx, id: incident.id })).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('alert.'))).toEqual(['alert.attached', 'alert.attached', 'alert.resolved', 'alert.resolved']);
    expect(kinds).toContain('severity.changed');
    expect(kinds.indexOf('incident.resolved')).toBeGreaterThan(kinds.lastIndexOf('alert.resolved'));
  });

  it('does not reopen a group resolved by hand on a repeat, but opens a new incident for an alert that fires anew', async () => {
    const { ctx } = await org();
    await fire(ctx, 'web-2', { host: 'web-2' });
    await at(T0);
    const [first] = (await listIncidents({ ctx, input: {} })).data;
    clock.set(T0 + MINUTE);
    await resolveIncident({ ctx, id: first.id });
    await at(T0 + 5 * HOUR);
    expect((await listIncidents({ ctx, input: {} })).data).toHaveLength(1);
    clock.set(T0 + 5 * HOUR + 1000);
    await fire(ctx, 'web-3', { host: 'web-3' });
    await at(T0 + 5 * HOUR + 2 * MINUTE);
    const all = (await listIncidents({ ctx, input: {} })).data;
    expect(all).toHaveLength(2);
    expect(all[0].id).not.toBe(first.id);
    expect((await getIncident({ ctx, id: all[0].id })).alerts.map((a) => a.summary).sort()).toEqual(['web-2 is full', 'web-3 is full']);
  });

  it('opens the incident without paging when the route names no such policy, and says so on the timeline', async () => {
    const { ctx } = await org('No such policy');
    await fire(ctx, 'web-4', { host: 'web-4' });
    await at(T0);
    const [incident] = (await listIncidents({ ctx, input: {} })).data;
    expect(incident.escalationPolicyId).toBeNull();
    const failed = (await getTimeline({ ctx, id: incident.id })).find((e) => e.kind === 'escalation.failed');
    expect(failed?.detail).toEqual({ reason: 'no escalation policy "No such policy" in this organization' });
  });

  it('pages the breach-notification escalation policy on each reminder until the regulator is notified', async () => {
    const { ctx, policy, slug } = await org();
    await updateSeverityPolicy({ ctx, input: { ...DEFAULT_POLICY, breachNotification: { roles: ['owner'], userIds: [], channelIds: [], escalationPolicyId: policy.name } } });
    await fire(ctx, 'exports', { host: 'files-1' });
    await at(T0);
    const [incident] = (await listIncidents({ ctx, input: {} })).data;
    await flagBreach({ ctx, id: incident.id, possibleBreach: true });
    await at(T0 + 24 * HOUR);
    const subject = { type: 'incident.breach', id: `breach:${incident.id}:${T0}:24` };
    expect((await listEscalationEvents({ ctx, subject })).map((e) => e.kind).sort()).toEqual(['escalation.started', 'escalation.step', 'page.sent']);
    const pages = receiver.requests.filter((r) => r.path === `/${slug}`).map((r) => JSON.parse(r.body).message.title as string);
    expect(pages.at(-1)).toContain('[BREACH CLOCK 24h]');
    clock.set(T0 + 30 * HOUR);
    await recordRegulatorNotified({ ctx, id: incident.id, input: {} });
    expect((await getEscalation({ ctx, subject }))?.status).toBe('stopped');
    await at(T0 + 80 * HOUR);
    expect((await getIncident({ ctx, id: incident.id })).breachClock!.reminders).toHaveLength(1);
  });

  it('records an SLA breach even when the incident’s escalation policy was deleted since', async () => {
    const { ctx, policy } = await org();
    const incident = await createIncident({ ctx, deps: { secrets: () => t.runtime.secrets() }, input: { title: 'Billing run late', severity: 'P2', escalationPolicyId: policy.id } });
    clock.set(T0 + MINUTE);
    await acknowledgeIncident({ ctx, id: incident.id });
    await deleteEscalationPolicy({ ctx, id: policy.id });
    await at(T0 + 24 * HOUR);
    const shown = await getIncident({ ctx, id: incident.id });
    expect(shown.sla.resolution.breachedAt).toBe(new Date(T0 + 24 * HOUR).toISOString());
    const timeline = await getTimeline({ ctx, id: incident.id });
    expect(timeline.find((e) => e.kind === 'escalation.failed')?.detail?.reason).toContain('no longer exists');
    expect(timeline.find((e) => e.kind === 'sla.breached')?.detail).toMatchObject({ clock: 'resolution', escalation: 'none' });
  });
});
