import { afterAll, beforeAll, expect, it } from 'vitest';
import { getAlert, listAlerts } from '../src/modules/alerts/index.ts';
import { createDefaultProbeRegistry, createMonitor, deleteMonitor } from '../src/modules/monitors/index.ts';
import { MINUTE, ManualClock, SECOND } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { enqueueJob } from '../src/platform/jobs/index.ts';
import { alertTestModules, dispatches, drain, notifications, saveRoutes } from './alerts-support.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const probes = createDefaultProbeRegistry();
const refused = { cause: 'check', outcome: 'down', errorCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9', latencyMs: 1 };

const monitorAlert = async (ctx: Ctx) => (await listAlerts({ ctx, input: { matcher: 'alertname=~"Monitor.*"', limit: 10 } })).data;

describeEachDialect('monitor flips and alert.raise jobs', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-03T09:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: alertTestModules() });
  });
  afterAll(() => t.close());

  async function setup(labels: Record<string, string> = { env: 'prod' }) {
    const made = await createOrgWithOwner(t.runtime, `flip-${++n}`, n > 1 ? { email: 'owner@flip-1.example.com' } : {});
    await saveRoutes(made.ctx, { receivers: ['pager'], group_by: ['alertname'], group_wait: '30s', group_interval: '5m' });
    const monitor = await createMonitor({
      ctx: made.ctx,
      probes,
      input: { name: 'api', type: 'tcp', settings: { host: '127.0.0.1', port: 9 }, labels, interval: 60, confirmDown: 2, confirmUp: 1, paused: false },
    });
    await drain(t.runtime);
    return { ctx: made.ctx, monitorId: monitor.id };
  }

  /** What the monitoring scheduler enqueues on a state change. */
  async function flip(ctx: Ctx, monitorId: string, from: string, to: string, reason: unknown = null) {
    const flipId = newId(clock.now());
    await enqueueJob(t.runtime.db, clock.now(), {
      kind: 'monitor.flip',
      orgId: ctx.orgId,
      dueAt: clock.now(),
      idempotencyKey: `flip:${flipId}`,
      payload: { orgId: ctx.orgId, monitorId, flipId, from, to, at: clock.now(), reason },
    });
    await drain(t.runtime);
  }
  const sent = async (ctx: Ctx) => dispatches(await notifications(t.runtime, ctx.orgId));

  it('turns down then up into a firing and then a resolved notification', async () => {
    const { ctx, monitorId } = await setup({ env: 'prod', team: 'core' });
    await flip(ctx, monitorId, 'up', 'down', refused);
    const [alert] = await monitorAlert(ctx);
    expect(alert).toMatchObject({
      dedupKey: `monitor:${monitorId}`,
      status: 'firing',
      severity: 'critical',
      source: 'monitor',
      labels: { alertname: 'MonitorDown', monitor: 'api', monitor_id: monitorId, monitor_type: 'tcp', env: 'prod', team: 'core', severity: 'critical' },
      annotations: { summary: 'api is down (ECONNREFUSED)', description: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9' },
    });
    clock.advance(30 * SECOND);
    await drain(t.runtime);
    const [firing] = await sent(ctx);
    expect(firing.channels).toEqual(['pager']);
    expect(firing.message).toMatchObject({ kind: 'alert.firing', title: '[FIRING:1] MonitorDown — api (prod)' });

    clock.advance(MINUTE);
    await flip(ctx, monitorId, 'down', 'up');
    expect((await monitorAlert(ctx))[0]).toMatchObject({ status: 'resolved', endsAt: new Date(clock.now()).toISOString() });
    clock.advance(4 * MINUTE);
    await drain(t.runtime);
    const all = await sent(ctx);
    expect(all).toHaveLength(2);
    expect(all[1].message).toMatchObject({ kind: 'alert.resolved', title: '[RESOLVED] MonitorDown — api (prod)' });
    expect(all[1].message.alerts).toMatchObject([{ id: alert.id, status: 'resolved' }]);
  });

  it('fires degraded as a warning on the same alert, and down with the severity label', async () => {
    const { ctx, monitorId } = await setup({ severity: 'error' });
    await flip(ctx, monitorId, 'up', 'degraded', { cause: 'check', outcome: 'degraded', errorCode: 'SLOW', message: 'latency 2300 ms over 1000 ms' });
    expect(await monitorAlert(ctx)).toMatchObject([{ severity: 'warning', labels: { alertname: 'MonitorDegraded', severity: 'warning' }, annotations: { summary: 'api is degraded (SLOW)' } }]);
    clock.advance(SECOND);
    await flip(ctx, monitorId, 'degraded', 'down', refused);
    const alerts = await monitorAlert(ctx);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'error', labels: { alertname: 'MonitorDown', severity: 'error' }, fireCount: 2, episode: 1 });
  });

  it('sends nothing while the monitor is in maintenance, keeps the alert flagged, and sends once it is down outside it', async () => {
    const { ctx, monitorId } = await setup();
    await flip(ctx, monitorId, 'up', 'down', refused);
    clock.advance(10 * SECOND);
    await flip(ctx, monitorId, 'down', 'maintenance', { cause: 'maintenance_started' });
    clock.advance(20 * SECOND);
    await drain(t.runtime);
    expect(await sent(ctx)).toEqual([]);
    const [flagged] = await monitorAlert(ctx);
    expect(flagged).toMatchObject({ status: 'firing', suppressed: 'maintenance' });
    expect((await getAlert({ ctx, id: flagged.id })).events.map((e) => e.type)).toEqual(['fired', 'suppressed']);

    clock.advance(MINUTE);
    await flip(ctx, monitorId, 'maintenance', 'down', refused);
    clock.advance(5 * MINUTE);
    await drain(t.runtime);
    expect(await monitorAlert(ctx)).toMatchObject([{ status: 'firing', suppressed: null }]);
    expect((await sent(ctx)).map((d) => d.message.kind)).toEqual(['alert.firing']);
  });

  it('resolves with a note when the monitor is paused', async () => {
    const { ctx, monitorId } = await setup();
    await flip(ctx, monitorId, 'up', 'down', refused);
    await flip(ctx, monitorId, 'down', 'paused', { cause: 'paused', actor: 'someone' });
    expect(await monitorAlert(ctx)).toMatchObject([{ status: 'resolved', annotations: { resolution: 'monitor paused' } }]);
  });

  it('resolves the alert of a deleted monitor with a note', async () => {
    const { ctx, monitorId } = await setup();
    await flip(ctx, monitorId, 'up', 'down', refused);
    expect(await monitorAlert(ctx)).toMatchObject([{ status: 'firing' }]);
    clock.advance(MINUTE);
    await deleteMonitor({ ctx, id: monitorId });
    await drain(t.runtime);
    expect(await monitorAlert(ctx)).toMatchObject([{ status: 'resolved', annotations: { resolution: 'monitor deleted' } }]);
  });

  it('ignores a flip older than the change already applied', async () => {
    const { ctx, monitorId } = await setup();
    const downAt = clock.now();
    await flip(ctx, monitorId, 'up', 'down', refused);
    clock.advance(MINUTE);
    await flip(ctx, monitorId, 'down', 'up');
    const flipId = newId(downAt);
    await enqueueJob(t.runtime.db, clock.now(), {
      kind: 'monitor.flip',
      orgId: ctx.orgId,
      dueAt: clock.now(),
      idempotencyKey: `flip:${flipId}`,
      payload: { orgId: ctx.orgId, monitorId, flipId, from: 'up', to: 'down', at: downAt, reason: refused },
    });
    await drain(t.runtime);
    expect(await monitorAlert(ctx)).toMatchObject([{ status: 'resolved', episode: 1 }]);
  });

  it('raises and resolves alerts from alert.raise jobs, and fails a bad payload for good', async () => {
    const { ctx } = await setup();
    const raise = (status: string, extra: Record<string, unknown> = {}) =>
      enqueueJob(t.runtime.db, clock.now(), {
        kind: 'alert.raise',
        orgId: ctx.orgId,
        dueAt: clock.now(),
        payload: {
          orgId: ctx.orgId,
          dedupKey: 'custos:delivery-failed:d1',
          status,
          labels: { alertname: 'NotificationUndelivered', severity: 'critical', source: 'custos' },
          annotations: { summary: 'Notification not delivered on any channel' },
          ...extra,
        },
      });
    await raise('firing');
    await drain(t.runtime);
    const [self] = (await listAlerts({ ctx, input: { source: 'self', limit: 10 } })).data;
    expect(self).toMatchObject({ dedupKey: 'custos:delivery-failed:d1', status: 'firing', severity: 'critical', source: 'self', annotations: { summary: 'Notification not delivered on any channel' } });
    clock.advance(SECOND);
    await raise('resolved');
    await drain(t.runtime);
    expect((await getAlert({ ctx, id: self.id })).status).toBe('resolved');

    await raise('exploded');
    const run = await t.runtime.runner.runOnce();
    expect(run).toMatchObject({ claimed: 1, failed: 1 });
  });
});
