import { afterAll, beforeAll, expect, it } from 'vitest';
import { acknowledgeAlert, raiseAlert, resolveAlert } from '../src/modules/alerts/index.ts';
import { acknowledgeIncident, createIncident, resolveIncident } from '../src/modules/incidents/index.ts';
import { createChannel, createDefaultChannelRegistry } from '../src/modules/notifications/index.ts';
import { ensureReviews } from '../src/modules/reviews/index.ts';
import { createSchedule } from '../src/modules/oncall/index.ts';
import { buildReport } from '../src/modules/reports/index.ts';
import type { CheckResultsTable } from '../src/modules/monitors/schema.ts';
import { HOUR, ManualClock, MINUTE } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { SecretBox } from '../src/platform/crypto/index.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { oncallOrg } from './oncall-helpers.ts';
import { fileReviewOf, GAP, insertReceipt, iso, m, MAINTENANCE, seedHistory, T0, tcpMonitor, TIMELINE } from './reports-fixtures.ts';

const channelDeps = { registry: createDefaultChannelRegistry(), secrets: () => new SecretBox({ current: Buffer.alloc(32, 7) }) };

/** The uptime recomputed from raw results alone: one result a minute stands for that minute. */
function recompute(rows: CheckResultsTable[]) {
  const minutes = (outcome: string) => rows.filter((r) => r.outcome === outcome).length * MINUTE;
  const up = minutes('up');
  const degraded = minutes('degraded');
  const down = minutes('down');
  return { up, degraded, down, uptime: (up + degraded) / (up + degraded + down) };
}

describeEachDialect('buildReport', (dialect) => {
  let t: TestRuntime;
  let ctx: Ctx;
  let api: string;
  let web: string;
  let rowsApi: CheckResultsTable[];
  let rowsWeb: CheckResultsTable[];
  const clock = new ManualClock(T0);

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    const made = await oncallOrg(t.runtime, 'reports', ['ann']);
    ctx = made.ctx;
    api = await tcpMonitor(ctx, 'api-tcp', { service: 'api', sla: '99.9' });
    web = await tcpMonitor(ctx, 'api-web', { service: 'api', sla: '99.5' });
    rowsApi = await seedHistory(t.runtime.db, ctx, api, TIMELINE, GAP);
    rowsWeb = await seedHistory(t.runtime.db, ctx, web, [{ at: T0, from: 'pending', to: 'up' }], null);
    const layer = { name: 'Office hours', participants: [made.people.ann.id], rotation: 'daily' as const, handoffTime: '09:00', timeZone: 'UTC', startDate: '2026-03-02', restrictions: [{ days: ['mon' as const, 'tue' as const, 'wed' as const, 'thu' as const, 'fri' as const], start: '09:00', end: '17:00' }] };
    await createSchedule({ ctx, input: { name: 'Primary', timeZone: 'UTC', layers: [layer] } });
    const hook = await createChannel({ ctx, deps: channelDeps, input: { name: 'hook', type: 'webhook', settings: {}, labels: {}, enabled: true } });
    await insertReceipt(t.runtime.db, ctx, hook, m(101), 'delivered', 100);
    await insertReceipt(t.runtime.db, ctx, hook, m(102), 'delivered', 300);
    await insertReceipt(t.runtime.db, ctx, hook, m(103), 'failed', 5000);
    await insertReceipt(t.runtime.db, ctx, hook, m(104), 'delivered', 80, true);
    clock.set(m(100));
    const critical = (await raiseAlert({ ctx, input: { dedupKey: 'db-down', labels: { alertname: 'DbDown' }, severity: 'critical' } })).alert!;
    clock.set(m(110));
    await acknowledgeAlert({ ctx, id: critical.id });
    clock.set(m(160));
    await resolveAlert({ ctx, input: { id: critical.id } });
    clock.set(m(200));
    await raiseAlert({ ctx, input: { dedupKey: 'disk', labels: { alertname: 'Disk' }, severity: 'warning' } });
    const deps = { secrets: channelDeps.secrets };
    clock.set(m(100));
    const p1 = await createIncident({ ctx, deps, input: { title: 'Checkout errors', severity: 'P1' } });
    clock.set(m(105));
    await acknowledgeIncident({ ctx, id: p1.id });
    clock.set(m(130));
    await resolveIncident({ ctx, id: p1.id });
    await ensureReviews({ ctx });
    clock.set(m(200));
    await fileReviewOf(ctx, p1.id);
    clock.set(m(300));
    const p0 = await createIncident({ ctx, deps, input: { title: 'Database down', severity: 'P0' } });
    clock.set(m(330));
    await acknowledgeIncident({ ctx, id: p0.id });
    clock.set(m(350));
    await resolveIncident({ ctx, id: p0.id });
    clock.set(m(600));
  });
  afterAll(() => t.close());

  const report = () => buildReport({ ctx, input: { from: iso(T0), to: iso(m(600)) } });

  it('matches an uptime recomputed from the raw results, with maintenance and no data apart', async () => {
    const r = await report();
    const mon = r.uptime.monitors.find((x) => x.monitorId === api)!;
    const expected = recompute(rowsApi);
    // By hand: up 110 + 90 + 180 + 45 + 40 = 465 min, degraded 20, down 30; pending 10 and the gap 15 are no data.
    expect(expected).toEqual({ up: 465 * MINUTE, degraded: 20 * MINUTE, down: 30 * MINUTE, uptime: 485 / 515 });
    expect(mon).toMatchObject({ service: 'api', slaTarget: 99.9, upMs: expected.up, degradedMs: expected.degraded, downMs: expected.down, maintenanceMs: MAINTENANCE.to - MAINTENANCE.from, noDataMs: 25 * MINUTE, pausedMs: 0, meetsSla: false });
    expect(mon.uptime).toBeCloseTo(expected.uptime, 12);
    expect(mon.degradedRatio).toBeCloseTo(20 / 515, 12);
    expect(r.uptime.monitors.find((x) => x.monitorId === web)).toMatchObject({ uptime: 1, meetsSla: true, upMs: 600 * MINUTE, noDataMs: 0 });
  });

  it('sums a service over its monitors against the strictest SLA', async () => {
    const [service] = (await report()).uptime.services;
    const a = recompute(rowsApi);
    const b = recompute(rowsWeb);
    expect(service).toMatchObject({ service: 'api', monitorIds: [api, web].sort(), slaTarget: 99.9, meetsSla: false, upMs: a.up + b.up, downMs: a.down });
    expect(service.uptime).toBeCloseTo((a.up + b.up + a.degraded) / (a.up + b.up + a.degraded + a.down), 12);
    expect(service.monitorIds).toHaveLength(2);
  });

  it('counts expected against executed checks and lists the coverage gaps with their cause', async () => {
    const { coverage } = await report();
    // Active: everything but the hour of maintenance; executed: every stored result.
    expect(coverage.monitors.find((x) => x.monitorId === api)).toMatchObject({ expected: 540, executed: rowsApi.length, missed: 540 - rowsApi.length, gaps: [{ from: iso(GAP.from), to: iso(GAP.to), missedChecks: 15, cause: 'process_down' }] });
    expect(coverage.gapsByCause).toEqual({ process_down: { count: 1, durationMs: 15 * MINUTE, missedChecks: 15 } });
  });

  it('reports incidents by severity with MTTA, MTTR, SLA clocks met and reviews done on time', async () => {
    const { incidents } = await report();
    expect(incidents.source).toBe('incidents');
    expect(incidents.bySeverity.find((s) => s.severity === 'P1')).toMatchObject({ count: 1, acknowledged: 1, resolved: 1, mttaMs: 5 * MINUTE, mttrMs: 30 * MINUTE, metResponse: 1, metResolution: 1 });
    // P0: acknowledged after 30 minutes against a 15-minute response target, resolved inside its 2 hours.
    expect(incidents.bySeverity.find((s) => s.severity === 'P0')).toMatchObject({ count: 1, mttaMs: 30 * MINUTE, mttrMs: 50 * MINUTE, metResponse: 0, metResolution: 1 });
    expect(incidents.bySeverity.find((s) => s.severity === 'P2')).toMatchObject({ count: 0, mttaMs: null, metResponse: null });
    // The P0's review was never opened, but it is not due before a week has passed.
    expect(incidents.reviews).toEqual({ required: 2, done: 1, doneOnTime: 1, overdue: 0, missing: 1, onTimeRatio: 1 });
  });

  it('reports alerts by severity with MTTA, MTTR and the share meeting the targets', async () => {
    const { alerts } = await report();
    expect(alerts.bySeverity.find((s) => s.severity === 'critical')).toMatchObject({ count: 1, acknowledged: 1, resolved: 1, mttaMs: 10 * MINUTE, mttrMs: 60 * MINUTE, metResponse: 1, metResolution: 1 });
    expect(alerts.bySeverity.find((s) => s.severity === 'warning')).toMatchObject({ count: 1, acknowledged: 0, mttaMs: null, metResponse: 0, metResolution: 0 });
  });

  it('reports receipts per channel type with latency percentiles, tests apart', async () => {
    const { notifications } = await report();
    expect(notifications.byChannelType).toEqual([{ channelType: 'webhook', attempts: 3, delivered: 2, failed: 1, retrying: 0, skipped: 0, latencyP50Ms: 100, latencyP95Ms: 300 }]);
    expect(notifications.channels).toMatchObject([{ name: 'hook', testsInPeriod: 1, testsDelivered: 1, lastTestAt: iso(m(104)), lastTestStatus: 'delivered' }]);
  });

  it('counts the hours nobody was on call', async () => {
    const { oncall } = await report();
    // Monday 00:00-10:00 with office hours from 09:00: nine hours uncovered.
    expect(oncall.schedules).toMatchObject([{ name: 'Primary', uncoveredMs: 9 * HOUR, uncoveredHours: 9, uncovered: [{ from: iso(T0), to: iso(m(540)) }] }]);
  });

  it('lists configuration and access changes from the audit log', async () => {
    const { changes } = await report();
    expect(changes.byAction).toEqual(
      expect.arrayContaining([
        { action: 'monitor.create', kind: 'configuration', count: 2 },
        { action: 'schedule.create', kind: 'configuration', count: 1 },
        { action: 'member.add', kind: 'access', count: 2 },
        { action: 'incident.created', kind: 'operations', count: 2 },
      ]),
    );
    const kinds = changes.byAction.reduce((n, a) => ({ ...n, [a.kind]: (n[a.kind] ?? 0) + a.count }), {} as Record<string, number>);
    expect(changes.byKind).toEqual(kinds);
    expect(changes.events.filter((e) => e.action === 'monitor.create').map((e) => e.subject)).toEqual([`monitor:${api}`, `monitor:${web}`]);
    expect(changes.total).toBe(changes.events.length);
  });

  it('rejects a period that is reversed or too long, naming the field', async () => {
    await expect(buildReport({ ctx, input: { from: iso(m(600)), to: iso(T0) } })).rejects.toMatchObject({ code: 'REPORT_PERIOD_INVALID', details: { issues: [{ path: 'from' }] } });
    await expect(buildReport({ ctx, input: { from: '2025-01-01', to: '2026-03-02' } })).rejects.toMatchObject({ code: 'REPORT_PERIOD_TOO_LONG', details: { issues: [{ path: 'to' }] } });
    await expect(buildReport({ ctx, input: { from: 'yesterday' } })).rejects.toMatchObject({ code: 'REPORT_PERIOD_INVALID', details: { issues: [{ path: 'from' }] } });
    await expect(buildReport({ ctx: { ...ctx, role: 'viewer' }, input: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
