import { afterAll, beforeAll, expect, it } from 'vitest';
import { appModules } from '../src/app/modules.ts';
import { raiseAlert, resolveAlert, updateRoutes } from '../src/modules/alerts/index.ts';
import { listAuditEvents, verifyAuditChain } from '../src/modules/audit/index.ts';
import { acknowledgeIncident, getIncident, getTimeline, listIncidents, updateSeverityPolicy, DEFAULT_POLICY } from '../src/modules/incidents/index.ts';
import { listChannels } from '../src/modules/notifications/index.ts';
import { createRunbook } from '../src/modules/runbooks/index.ts';
import { createContactMethod, createEscalationPolicy, createSchedule, listEscalationEvents, type ChannelDirectory } from '../src/modules/oncall/index.ts';
import { MINUTE, ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createRuntime, migrateRuntime, type Runtime } from '../src/platform/runtime.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime } from './helpers/runtime.ts';
import { channelDeps, makeChannel, Receiver } from './notifications-helpers.ts';
import { drainJobs, oncallOrg, type OncallPerson } from './oncall-helpers.ts';

const T0 = Date.parse('2027-03-10T09:00:00Z');
const rotation = (name: string, user: OncallPerson) => ({ name, participants: [user.id], rotation: 'weekly' as const, handoffTime: '09:00', startDate: '2027-03-01', restrictions: [] });

/** Who the incident's escalation has paged so far, as `<person>/<method>`, in order. */
async function paged(ctx: Ctx, incidentId: string, people: Record<string, OncallPerson>) {
  const names = new Map(Object.entries(people).map(([name, p]) => [p.id, name]));
  const events = await listEscalationEvents({ ctx, subject: { type: 'incident', id: incidentId } });
  return events.filter((e) => e.kind === 'page.sent').map((e) => `${e.userId ? names.get(e.userId) : 'channel'}/${e.method}`);
}

describeEachDialect('incidents from alerts: paging, acknowledgement and restart (clock-driven)', (dialect) => {
  let clock: ManualClock;
  let slack: Receiver;
  beforeAll(async () => {
    clock = new ManualClock(T0);
    slack = await Receiver.start(() => ({ status: 200, body: 'ok' }));
  });
  afterAll(async () => slack.close());

  async function setUp(runtime: Runtime) {
    const slug = `inc-page-${dialect}`;
    const { ctx, people } = await oncallOrg(runtime, slug, ['ann', 'bob', 'lea']);
    const alertsChannel = await makeChannel(runtime, ctx, { name: 'alerts', type: 'slack', settings: { webhookUrl: `${slack.url}/${slug}/alerts` } });
    const pager = await makeChannel(runtime, ctx, { name: 'pager', type: 'slack', settings: { webhookUrl: `${slack.url}/${slug}/pager` } });
    const channels: ChannelDirectory = { list: async (c: Ctx) => (await listChannels({ ctx: c, input: { limit: 50 }, deps: channelDeps(runtime) })).data };
    for (const who of Object.values(people)) await createContactMethod({ ctx: who.ctx, userId: who.id, channels, input: { type: 'chat', channelId: pager.id } });
    const primary = await createSchedule({ ctx, input: { name: 'Primary', timeZone: 'Europe/London', layers: [rotation('Primary', people.ann)] } });
    const secondary = await createSchedule({ ctx, input: { name: 'Secondary', timeZone: 'Europe/London', layers: [rotation('Secondary', people.bob)] } });
    await createEscalationPolicy({
      ctx,
      channels,
      input: {
        name: 'Filing P0',
        repeat: 0,
        steps: [
          { delayMinutes: 0, targets: [{ type: 'schedule', id: primary.id }] },
          { delayMinutes: 30, targets: [{ type: 'schedule', id: secondary.id }] },
          { delayMinutes: 45, targets: [{ type: 'user', id: people.lea.id }] },
        ],
      },
    });
    await createRunbook({ ctx, input: { slug: 'submission-outage', title: 'Submissions failing', match: { domain: 'submission' }, body: '1. Check the filing gateway.' } });
    await updateSeverityPolicy({ ctx, input: { ...DEFAULT_POLICY, labelRules: [{ name: 'money paths', matchers: ['domain=~"submission|auth|bank"'], severity: 'P0' }] } });
    await updateRoutes({
      ctx,
      input: { receivers: [alertsChannel.id], group_by: ['alertname'], group_wait: '0s', routes: [{ matchers: ['domain=~"submission|auth|bank"'], escalation_policy: 'Filing P0' }] },
    });
    return { ctx, people, slug };
  }

  it('pages the primary at once, the secondary at +30 min, stops before the lead when acknowledged at +31 min, across a restart', async () => {
    clock.set(T0);
    const first = await createTestRuntime({ dialect, clock, config: { publicUrl: 'https://custos.example.com' } });
    const { ctx, people, slug } = await setUp(first.runtime);
    await raiseAlert({ ctx, input: { dedupKey: 'submissions-failing', labels: { alertname: 'SubmissionErrors', domain: 'submission', env: 'prod' }, annotations: { summary: 'Submissions are failing' }, severity: 'error' } });
    await drainJobs(first.runtime);

    const [incident] = (await listIncidents({ ctx, input: {} })).data;
    expect(incident).toMatchObject({ status: 'triggered', severity: 'P0', source: 'alert', severityReason: { source: 'label-rule', rule: 'money paths' }, reviewRequired: true });
    expect(incident.title).toBe('SubmissionErrors (prod)');
    expect(await paged(ctx, incident.id, people)).toEqual(['ann/chat']);
    const pages = slack.requests.filter((r) => r.path === `/${slug}/pager`);
    expect(pages).toHaveLength(1);
    expect(pages[0].body).toContain('https://custos.example.com/i/ack/');
    // The page links the organization's runbook that matches the incident's labels.
    expect(pages[0].body).toContain('https://custos.example.com/runbooks/submission-outage');
    expect(slack.requests.filter((r) => r.path === `/${slug}/alerts`)).toHaveLength(1);

    // The P0 response target (15 min) passes: the breach is recorded; the running escalation keeps its schedule.
    clock.set(T0 + 20 * MINUTE);
    await drainJobs(first.runtime);
    await first.runtime.runner.stop(1_000);
    await first.runtime.store.close();

    const second = createRuntime({ config: first.runtime.config, modules: appModules(), clock, logger: createLogger({ level: 'silent' }) });
    const c2 = { ...ctx, db: second.db };
    try {
      expect((await migrateRuntime(second)).applied).toEqual([]);
      clock.set(T0 + 30 * MINUTE - 1);
      await drainJobs(second);
      expect(await paged(c2, incident.id, people)).toEqual(['ann/chat']);
      clock.set(T0 + 30 * MINUTE);
      await drainJobs(second);
      expect(await paged(c2, incident.id, people)).toEqual(['ann/chat', 'bob/chat']);

      clock.set(T0 + 31 * MINUTE);
      const acked = await acknowledgeIncident({ ctx: { ...people.bob.ctx, db: second.db }, id: incident.id });
      expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'bob@oncall.example.com', mttaSeconds: 31 * 60 });
      for (const m of [45, 60, 119]) {
        clock.set(T0 + m * MINUTE);
        await drainJobs(second);
      }
      expect(await paged(c2, incident.id, people)).toEqual(['ann/chat', 'bob/chat']);
      expect(slack.requests.filter((r) => r.path === `/${slug}/pager`)).toHaveLength(2);
      // Acknowledging the incident acknowledges its alerts: the route's channel hears of it and the group stops repeating.
      const toAlertsChannel = slack.requests.filter((r) => r.path === `/${slug}/alerts`);
      expect(toAlertsChannel).toHaveLength(2);
      expect(toAlertsChannel[1].body).toContain('ACKNOWLEDGED');

      const steps = (await listEscalationEvents({ ctx: c2, subject: { type: 'incident', id: incident.id } })).filter((e) => e.kind === 'escalation.step');
      expect(steps.map((e) => [e.step, e.at])).toEqual([0, 30].map((m, i) => [i, new Date(T0 + m * MINUTE).toISOString()]));

      const shown = await getIncident({ ctx: c2, id: incident.id });
      expect(shown.sla.response).toEqual({ dueAt: new Date(T0 + 15 * MINUTE).toISOString(), metAt: new Date(T0 + 31 * MINUTE).toISOString(), breachedAt: new Date(T0 + 20 * MINUTE).toISOString() });
      expect(shown.alerts.map((a) => [a.status, a.summary])).toEqual([['firing', 'Submissions are failing']]);
      expect(shown.escalation).toMatchObject({ status: 'acknowledged', endedBy: 'bob@oncall.example.com', startedAt: new Date(T0).toISOString() });

      const timeline = await getTimeline({ ctx: c2, id: incident.id });
      const kinds = timeline.map((e) => e.kind);
      for (const kind of ['incident.created', 'alert.attached', 'escalation.started', 'escalation.step', 'notification.sent', 'notification.delivered', 'sla.breached', 'incident.acknowledged', 'escalation.acknowledged']) {
        expect(kinds).toContain(kind);
      }
      expect(kinds.slice(0, 2)).toEqual(['incident.created', 'alert.attached']);
      expect(timeline.find((e) => e.kind === 'incident.acknowledged')!.actor).toMatchObject({ type: 'user', id: people.bob.id });
      expect(timeline.filter((e) => e.kind === 'notification.sent').map((e) => e.detail?.userId)).toEqual([people.ann.id, people.bob.id]);
      expect(timeline.map((e) => e.at)).toEqual(timeline.map((e) => e.at).toSorted());

      // The resolution target (2 h) passes too: with no escalation running, the policy pages again from its first step.
      clock.set(T0 + 120 * MINUTE);
      await drainJobs(second);
      expect(await paged(c2, incident.id, people)).toEqual(['ann/chat', 'bob/chat', 'ann/chat']);
      expect(slack.requests.filter((r) => r.path === `/${slug}/pager`).at(-1)!.body).toContain('[SLA BREACHED] [P0]');

      // Every alert resolves: the incident resolves itself at the group's next tick, as the system.
      clock.set(T0 + 130 * MINUTE);
      await resolveAlert({ ctx: c2, input: { dedupKey: 'submissions-failing' } });
      clock.set(T0 + 140 * MINUTE);
      await drainJobs(second);
      const resolved = await getIncident({ ctx: c2, id: incident.id });
      expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'Custos incidents' });
      expect(resolved.alerts[0].status).toBe('resolved');

      const audit = await listAuditEvents({ ctx: { ...c2, role: 'auditor' }, input: { subject: `incident:${incident.id}`, limit: 50 } });
      const actions = audit.data.map((e) => e.action);
      for (const action of ['incident.created', 'incident.sla_breached', 'incident.acknowledged', 'incident.resolved', 'escalation.start', 'escalation.acknowledge']) expect(actions).toContain(action);
      const breaches = audit.data.filter((e) => e.action === 'incident.sla_breached').map((e) => e.data);
      expect(breaches).toEqual(expect.arrayContaining([expect.objectContaining({ clock: 'response', escalation: 'running' }), expect.objectContaining({ clock: 'resolution', escalation: 'restarted' })]));
      expect(resolved.sla.resolution.breachedAt).toBe(new Date(T0 + 120 * MINUTE).toISOString());
      expect((await verifyAuditChain({ ctx: { ...c2, role: 'auditor' } })).ok).toBe(true);
    } finally {
      await second.runner.stop(1_000);
      await second.store.close();
      await first.database.drop();
    }
  });
});
