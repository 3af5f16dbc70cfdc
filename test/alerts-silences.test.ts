import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSilence, expireSilence, getAlert, raiseAlert, resolveAlert } from '../src/modules/alerts/index.ts';
import { HOUR, MINUTE, ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { alertTestModules, dispatches, drain, notifications, saveRoutes } from './alerts-support.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const fire = (ctx: Ctx, dedupKey: string, labels: Record<string, string>) => raiseAlert({ ctx, input: { dedupKey, labels } });
const iso = (ms: number) => new Date(ms).toISOString();

describeEachDialect('silences and inhibition', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-04T09:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: alertTestModules() });
  });
  afterAll(() => t.close());

  async function org(extra: Record<string, unknown> = {}): Promise<Ctx> {
    const made = await createOrgWithOwner(t.runtime, `sil-${++n}`, n > 1 ? { email: 'owner@sil-1.example.com' } : {});
    await saveRoutes(made.ctx, { receivers: ['chan'], group_by: ['alertname'], group_wait: '0s', group_interval: '5m', ...extra });
    await drain(t.runtime);
    return made.ctx;
  }
  const sentAlerts = async (ctx: Ctx) => dispatches(await notifications(t.runtime, ctx.orgId)).map((d) => d.message.alerts.map((a) => `${a.dedupKey}:${a.status}`));

  it('mutes matching alerts at flush time while active and records silenced_by', async () => {
    const ctx = await org({ group_wait: '30s' });
    const silence = await createSilence({ ctx, input: { matchers: ['env="prod"', 'service=~"api|web"'], duration: '2h', comment: 'deploying' } });
    expect(silence).toMatchObject({ status: 'active', createdBy: 'custos CLI', endsAt: iso(clock.now() + 2 * HOUR) });
    const prod = await fire(ctx, 'prod-api', { alertname: 'Errors', env: 'prod', service: 'api' });
    await fire(ctx, 'dev-api', { alertname: 'Errors', env: 'dev', service: 'api' });
    clock.advance(30_000);
    await drain(t.runtime);
    expect(await sentAlerts(ctx)).toEqual([['dev-api:firing']]);
    const detail = await getAlert({ ctx, id: prod.alert!.id });
    expect(detail.silencedBy).toEqual([silence.id]);
    expect(detail.events.map((e) => e.type)).toEqual(['fired', 'silenced']);
  });

  it('lets the alert through at the next tick once the silence ends, or is expired', async () => {
    const ctx = await org();
    await createSilence({ ctx, input: { matchers: ['alertname="Backup"'], duration: '1h', comment: 'maintenance' } });
    const manual = await createSilence({ ctx, input: { matchers: ['alertname="Cron"'], duration: '1h', comment: 'maintenance' } });
    await fire(ctx, 'backup', { alertname: 'Backup' });
    await fire(ctx, 'cron', { alertname: 'Cron' });
    await drain(t.runtime);
    expect(await sentAlerts(ctx)).toEqual([]);

    clock.advance(12 * MINUTE);
    expect(await expireSilence({ ctx, id: manual.id })).toMatchObject({ status: 'expired', endsAt: iso(clock.now()) });
    await drain(t.runtime);
    expect(await sentAlerts(ctx)).toEqual([]);
    clock.advance(3 * MINUTE);
    await drain(t.runtime);
    expect(await sentAlerts(ctx)).toEqual([['cron:firing']]);

    clock.advance(45 * MINUTE);
    await drain(t.runtime);
    expect(await sentAlerts(ctx)).toEqual([['cron:firing'], ['backup:firing']]);
    expect((await getAlert({ ctx, id: (await fire(ctx, 'backup', { alertname: 'Backup' })).alert!.id })).silencedBy).toEqual([]);
  });

  it('mutes nothing once expired, and only from its start when it starts in the future', async () => {
    const ctx = await org();
    const past = await createSilence({ ctx, input: { matchers: ['alertname="Old"'], duration: '1h', comment: 'was' } });
    const future = await createSilence({ ctx, input: { matchers: ['alertname="Later"'], startsAt: iso(clock.now() + 2 * HOUR), duration: '1h', comment: 'planned' } });
    expect(future.status).toBe('pending');
    clock.advance(90 * MINUTE);
    await fire(ctx, 'old', { alertname: 'Old' });
    await fire(ctx, 'later', { alertname: 'Later' });
    await drain(t.runtime);
    expect((await sentAlerts(ctx)).flat().sort()).toEqual(['later:firing', 'old:firing']);

    clock.advance(45 * MINUTE);
    await fire(ctx, 'later-2', { alertname: 'Later' });
    clock.advance(5 * MINUTE);
    await drain(t.runtime);
    expect((await sentAlerts(ctx)).flat().sort()).toEqual(['later:firing', 'old:firing']);
    expect(past.status).toBe('active');
  });

  it('rejects silences that would match everything or end before they start', async () => {
    const ctx = await org();
    await expect(createSilence({ ctx, input: { matchers: ['env=~".*"'], duration: '1h', comment: 'all' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'matchers' }] },
    });
    await expect(createSilence({ ctx, input: { matchers: ['a=b'], startsAt: iso(clock.now() + HOUR), endsAt: iso(clock.now()), comment: 'x' } })).rejects.toMatchObject({
      details: { issues: [{ path: 'endsAt' }] },
    });
    await expect(createSilence({ ctx, input: { matchers: ['a=~"("'], duration: '1h', comment: 'x' } })).rejects.toMatchObject({ details: { issues: [{ path: 'matchers.0' }] } });
  });

  it('suppresses targets while an inhibiting source fires, and lifts it when the source resolves', async () => {
    const ctx = await org({
      group_wait: '30s',
      inhibit_rules: [{ source_matchers: ['alertname="DatacentreDown"'], target_matchers: ['alertname="HostDown"'], equal: ['dc'] }],
    });
    const dc = await fire(ctx, 'dc-lon', { alertname: 'DatacentreDown', dc: 'lon' });
    const host = await fire(ctx, 'host-1', { alertname: 'HostDown', dc: 'lon', host: 'h1' });
    await fire(ctx, 'host-9', { alertname: 'HostDown', dc: 'ams', host: 'h9' });
    clock.advance(30_000);
    await drain(t.runtime);
    expect((await sentAlerts(ctx)).map((a) => a.join()).sort()).toEqual(['dc-lon:firing', 'host-9:firing']);
    expect((await getAlert({ ctx, id: host.alert!.id })).inhibitedBy).toEqual([dc.alert!.id]);

    clock.advance(MINUTE);
    await resolveAlert({ ctx, input: { id: dc.alert!.id } });
    clock.advance(4 * MINUTE);
    await drain(t.runtime);
    const after = (await sentAlerts(ctx)).slice(2).map((a) => a.join()).sort();
    expect(after).toEqual(['dc-lon:resolved', 'host-1:firing,host-9:firing']);
    expect((await getAlert({ ctx, id: host.alert!.id })).inhibitedBy).toEqual([]);
  });
});
