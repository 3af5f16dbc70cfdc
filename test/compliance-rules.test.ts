import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert, updateRoutes } from '../src/modules/alerts/index.ts';
import type { AuditTables } from '../src/modules/audit/schema.ts';
import { createWitness } from '../src/modules/evidence/index.ts';
import { createIncident, resolveIncident } from '../src/modules/incidents/index.ts';
import { createDefaultIntegrationRegistry, createIntegration } from '../src/modules/integrations/index.ts';
import { createChannel, createDefaultChannelRegistry } from '../src/modules/notifications/index.ts';
import { ensureReviews, listReviews } from '../src/modules/reviews/index.ts';
import { createEscalationPolicy, createSchedule } from '../src/modules/oncall/index.ts';
import { checkCompliance, type ComplianceResult } from '../src/modules/reports/index.ts';
import { createComponent, createStatusPage } from '../src/modules/statuspages/index.ts';
import { DAY, ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { SecretBox } from '../src/platform/crypto/index.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { oncallOrg } from './oncall-helpers.ts';
import { fileReviewOf, GAP, insertReceipt, m, seedHistory, T0, tcpMonitor, TIMELINE } from './reports-fixtures.ts';

const secrets = () => new SecretBox({ current: Buffer.alloc(32, 7) });
const channelDeps = { registry: createDefaultChannelRegistry(), secrets };
const integrationDeps = { registry: createDefaultIntegrationRegistry(), secrets };
const facts = { states: async (_org: string, ids: string[]) => new Map(ids.map((id) => [id, { state: 'up' as const, name: id }])), dailyUptime: async () => new Map() };
const noChannels = { list: async () => [] };
const HEARTBEAT = { period: 3600 };

/** Passes every rule: monitored services, certificate monitors, heartbeats, paging routes, on-call, tested channels. */
async function compliantOrg(t: TestRuntime, clock: ManualClock): Promise<Ctx> {
  const { ctx, people } = await oncallOrg(t.runtime, 'compliant', ['ann']);
  const api = await tcpMonitor(ctx, 'api', { service: 'api', sla: '99' });
  await seedHistory(t.runtime.db, ctx, api, [{ at: T0, from: 'pending', to: 'up' }], null);
  await tcpMonitor(ctx, 'shop', {}, { type: 'http', settings: { url: 'https://shop.example.com/health' } });
  await tcpMonitor(ctx, 'shop-cert', {}, { type: 'tls', settings: { host: 'shop.example.com' } });
  await tcpMonitor(ctx, 'nightly-backup', {}, { type: 'heartbeat', settings: HEARTBEAT });
  await createIntegration({ ctx, deps: integrationDeps, baseUrl: 'http://localhost', input: { name: 'nightly-backup', type: 'alertmanager', labels: { cron: '0 3 * * *' } } });
  const page = await createStatusPage({ ctx, input: { slug: 'compliant', title: 'Status', brandColor: '#000000', accentColor: '#0969da', published: true, showUptime: true } });
  await createComponent({ ctx, pageId: page.id, input: { name: 'API', monitorIds: [api] }, facts });
  const pager = await createChannel({ ctx, deps: channelDeps, input: { name: 'pager', type: 'webhook', settings: {}, labels: {}, enabled: true } });
  await insertReceipt(t.runtime.db, ctx, pager, clock.now(), 'delivered', 50, true);
  await updateRoutes({ ctx, input: { receivers: [pager.id], routes: [] } });
  const layer = { name: 'Primary', participants: [people.ann.id], rotation: 'weekly' as const, handoffTime: '09:00', startDate: '2026-03-02', restrictions: [] };
  await createSchedule({ ctx, input: { name: 'Primary', timeZone: 'UTC', layers: [layer] } });
  const reviewed = await createIncident({ ctx, deps: { secrets }, input: { title: 'Outage', severity: 'P0' } });
  await resolveIncident({ ctx, id: reviewed.id });
  await ensureReviews({ ctx });
  await fileReviewOf(ctx, reviewed.id);
  await createEscalationPolicy({ ctx, channels: noChannels, input: { name: 'Default', repeat: 0, steps: [{ delayMinutes: 0, targets: [{ type: 'user', id: people.ann.id }] }] } });
  return ctx;
}

/** Breaks every rule once. */
async function failingOrg(t: TestRuntime, clock: ManualClock): Promise<{ ctx: Ctx; ids: Record<string, string> }> {
  const { ctx } = await oncallOrg(t.runtime, 'failing', []);
  const ids: Record<string, string> = {};
  ids.flaky = await tcpMonitor(ctx, 'flaky', { service: 'checkout', sla: '99.9' });
  await seedHistory(t.runtime.db, ctx, ids.flaky, TIMELINE, GAP);
  ids.web = await tcpMonitor(ctx, 'web', {}, { type: 'http', settings: { url: 'https://www.failing.example.com/' } });
  ids.paused = await tcpMonitor(ctx, 'reports-job', {}, { type: 'heartbeat', settings: HEARTBEAT, paused: true });
  clock.set(T0 - 10 * DAY);
  await createWitness({ ctx, secrets, input: { name: 'archive', type: 'directory', settings: { path: mkdtempSync(join(tmpdir(), 'custos-witness-')) } } });
  ids.unreviewed = (await createIncident({ ctx, deps: { secrets }, input: { title: 'Outage', severity: 'P0' } })).id;
  await resolveIncident({ ctx, id: ids.unreviewed });
  await ensureReviews({ ctx });
  ids.draft = (await listReviews({ ctx, input: { incidentId: ids.unreviewed, limit: 1 } })).data[0].id;
  ids.neverOpened = (await createIncident({ ctx, deps: { secrets }, input: { title: 'Slow checkout', severity: 'P1' } })).id;
  await resolveIncident({ ctx, id: ids.neverOpened });
  ids.open = (await createIncident({ ctx, deps: { secrets }, input: { title: 'Still burning', severity: 'P1' } })).id;
  clock.set(T0 - 2 * DAY);
  ids.silent = await tcpMonitor(ctx, 'silent-job', {}, { type: 'heartbeat', settings: HEARTBEAT });
  clock.set(m(600));
  ids.sync = (await createIntegration({ ctx, deps: integrationDeps, baseUrl: 'http://localhost', input: { name: 'sync', type: 'alertmanager', labels: { schedule: '*/5 * * * *' } } })).id;
  const page = await createStatusPage({ ctx, input: { slug: 'failing', title: 'Status', brandColor: '#000000', accentColor: '#0969da', published: true, showUptime: true } });
  ids.payments = (await createComponent({ ctx, pageId: page.id, input: { name: 'Payments', monitorIds: [] }, facts })).id;
  await raiseAlert({ ctx, input: { dedupKey: 'search-slow', labels: { alertname: 'SearchSlow', service: 'search' } } });
  ids.mail = (await createChannel({ ctx, deps: channelDeps, input: { name: 'mail', type: 'email', settings: { host: 'smtp.example.com', from: 'custos@example.com', to: ['ops@example.com'] }, labels: {}, enabled: true } })).id;
  await updateRoutes({ ctx, input: { receivers: [ids.mail], routes: [] } });
  await t.runtime.db.withTables<AuditTables>().updateTable('audit_events').set({ data: '{"tampered":true}' }).where('org_id', '=', ctx.orgId).where('seq', '=', 2).execute();
  return { ctx, ids };
}

const findings = (r: ComplianceResult, rule: string) => r.findings.filter((f) => f.ruleId === rule);
const objectIds = (r: ComplianceResult, rule: string) => findings(r, rule).flatMap((f) => f.objects.map((o) => o.id));
const status = (r: ComplianceResult, rule: string) => r.rules.find((x) => x.id === rule)!.status;

describeEachDialect('checkCompliance', (dialect) => {
  let t: TestRuntime;
  let good: ComplianceResult;
  let bad: ComplianceResult;
  let ids: Record<string, string>;
  const clock = new ManualClock(T0);

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    const goodCtx = await compliantOrg(t, clock);
    const failing = await failingOrg(t, clock);
    ids = failing.ids;
    clock.set(m(600));
    good = await checkCompliance({ ctx: goodCtx });
    bad = await checkCompliance({ ctx: failing.ctx });
  });
  afterAll(() => t.close());

  it('finds nothing in a compliant organization', () => {
    expect(good.findings).toEqual([]);
    expect(good.rules.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(good.summary).toEqual({ high: 0, medium: 0, low: 0 });
  });

  describe('fires', () => {
    it('service-without-monitor: a component without monitors and an alert label service', () => {
      expect(objectIds(bad, 'service-without-monitor')).toEqual(expect.arrayContaining([ids.payments, 'search']));
      expect(status(good, 'service-without-monitor')).toBe('pass');
    });

    it('https-without-certificate-monitor: an https monitor without a tls monitor on its host', () => {
      expect(findings(bad, 'https-without-certificate-monitor')).toMatchObject([{ objects: [{ type: 'host', id: 'www.failing.example.com' }, { type: 'monitor', id: ids.web }] }]);
      expect(status(good, 'https-without-certificate-monitor')).toBe('pass');
    });

    it('scheduled-job-without-heartbeat: a cron-labelled integration, a paused and a never-pinged heartbeat', () => {
      expect(objectIds(bad, 'scheduled-job-without-heartbeat').sort()).toEqual([ids.paused, ids.silent, ids.sync].sort());
      expect(status(good, 'scheduled-job-without-heartbeat')).toBe('pass');
    });

    it('critical-alerts-email-only: critical alerts routed only to an email channel', () => {
      expect(findings(bad, 'critical-alerts-email-only')).toMatchObject([{ severity: 'high', objects: [{ type: 'route' }, { type: 'channel', id: ids.mail }] }]);
      expect(status(good, 'critical-alerts-email-only')).toBe('pass');
    });

    it('oncall-missing: no escalation policy and no schedule', () => {
      expect(findings(bad, 'oncall-missing')).toHaveLength(2);
      expect(status(good, 'oncall-missing')).toBe('pass');
    });

    it('channel-never-tested: a channel without a test receipt', () => {
      expect(objectIds(bad, 'channel-never-tested')).toEqual([ids.mail]);
      expect(status(good, 'channel-never-tested')).toBe('pass');
    });

    it('uptime-below-sla: a monitor and its service under 99.9% over 30 days', () => {
      expect(findings(bad, 'uptime-below-sla').map((f) => f.objects[0])).toEqual([
        { type: 'service', id: 'checkout', name: 'checkout' },
        { type: 'monitor', id: ids.flaky, name: 'flaky' },
      ]);
      expect(status(good, 'uptime-below-sla')).toBe('pass');
    });

    it('monitoring-gaps: a coverage gap in the last 30 days', () => {
      expect(findings(bad, 'monitoring-gaps')).toMatchObject([{ objects: [{ id: ids.flaky }], message: expect.stringContaining('process_down') }]);
      expect(status(good, 'monitoring-gaps')).toBe('pass');
    });

    it('audit-chain-unverified: an edited audit event, and a witness that accepted nothing for days', () => {
      expect(findings(bad, 'audit-chain-unverified')).toMatchObject([
        { severity: 'high', objects: [{ type: 'auditEvent', id: '2' }], controls: expect.arrayContaining(['SOC 2 CC8.1', 'ISO/IEC 27001:2022 A.8.15']) },
        { severity: 'high', objects: [{ type: 'organization' }], message: expect.stringContaining('anchor is degraded') },
      ]);
      expect(status(good, 'audit-chain-unverified')).toBe('pass');
    });

    it('reviews-overdue: a P0 draft past due and a P1 never reviewed (an unresolved one is not due yet)', () => {
      expect(findings(bad, 'reviews-overdue')).toMatchObject([
        { severity: 'high', objects: [{ type: 'incident', id: ids.unreviewed }, { type: 'review', id: ids.draft }], message: expect.stringContaining('draft review not filed') },
        { severity: 'medium', objects: [{ type: 'incident', id: ids.neverOpened }], message: expect.stringContaining('has no post-incident review') },
      ]);
      expect(status(good, 'reviews-overdue')).toBe('pass');
    });
  });

  it('covers every control asked for, failing a control when one of its rules fails', () => {
    const soc2 = ['CC7.2', 'CC7.3', 'CC7.4', 'CC7.5', 'CC8.1', 'A1.1', 'A1.2'].map((c) => `SOC 2 ${c}`);
    const iso = ['A.5.24', 'A.5.25', 'A.5.26', 'A.5.27', 'A.5.28', 'A.8.15', 'A.8.16'].map((c) => `ISO/IEC 27001:2022 ${c}`);
    expect(good.controls.map((c) => c.control).sort()).toEqual([...soc2, ...iso].sort());
    expect(good.controls.every((c) => c.status === 'pass')).toBe(true);
    expect(bad.controls.find((c) => c.control === 'SOC 2 CC8.1')).toEqual({ control: 'SOC 2 CC8.1', status: 'fail', rules: ['audit-chain-unverified'] });
    expect(bad.controls.filter((c) => c.status !== 'fail')).toEqual([]);
  });

  it('orders findings by severity, each with controls and a remedy', () => {
    const order = { high: 0, medium: 1, low: 2 };
    expect(bad.findings.map((f) => order[f.severity])).toEqual(bad.findings.map((f) => order[f.severity]).toSorted());
    expect(bad.summary.high).toBeGreaterThan(0);
    for (const f of bad.findings) {
      expect(f.controls.length).toBeGreaterThan(0);
      expect(f.remedy).not.toBe('');
    }
  });
});
