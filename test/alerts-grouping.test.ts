import { afterAll, beforeAll, expect, it } from 'vitest';
import { acknowledgeAlert, getAlert, raiseAlert, resolveAlert } from '../src/modules/alerts/index.ts';
import { MINUTE, ManualClock, SECOND } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { JobTables } from '../src/platform/jobs/index.ts';
import { alertTestModules, dispatches, drain, notifications, saveRoutes } from './alerts-support.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const fire = (ctx: Ctx, dedupKey: string, labels: Record<string, string>) =>
  raiseAlert({ ctx, input: { dedupKey, labels, annotations: { summary: `${dedupKey} is broken` } } });

describeEachDialect('alert grouping and notification', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-02T09:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: alertTestModules() });
  });
  afterAll(() => t.close());

  async function org(routes: Record<string, unknown>): Promise<Ctx> {
    const made = await createOrgWithOwner(t.runtime, `grp-${++n}`, n > 1 ? { email: 'owner@grp-1.example.com' } : {});
    await saveRoutes(made.ctx, routes);
    await drain(t.runtime);
    return made.ctx;
  }
  const sent = async (ctx: Ctx) => dispatches(await notifications(t.runtime, ctx.orgId));

  it('batches alerts raised within group_wait into one notification per receiver', async () => {
    const ctx = await org({ receivers: ['chan-a', 'chan-b'], group_by: ['alertname'], group_wait: '30s' });
    const a = await fire(ctx, 'api-down', { alertname: 'MonitorDown', monitor: 'api', env: 'prod' });
    clock.advance(10 * SECOND);
    const b = await fire(ctx, 'web-down', { alertname: 'MonitorDown', monitor: 'web', env: 'prod' });
    await drain(t.runtime);
    expect(await notifications(t.runtime, ctx.orgId)).toEqual([]);

    clock.advance(20 * SECOND);
    await drain(t.runtime);
    const jobs = await notifications(t.runtime, ctx.orgId);
    expect(jobs.map((j) => j.payload.channelId).sort()).toEqual(['chan-a', 'chan-b']);
    for (const j of jobs) {
      expect(j.idempotencyKey).toBe(`notify:${j.payload.dispatchId}:${j.payload.channelId}`);
      expect(j.payload.orgId).toBe(ctx.orgId);
      expect(j.dueAt).toBe(clock.now());
    }
    const [d] = await sent(ctx);
    expect(d.channels.sort()).toEqual(['chan-a', 'chan-b']);
    expect(d.message).toMatchObject({
      kind: 'alert.firing',
      org: { id: ctx.orgId, name: expect.any(String) },
      title: '[FIRING:2] MonitorDown (prod)',
      groupKey: '{}:{alertname="MonitorDown"}',
    });
    expect(d.message.alerts.map((x) => [x.id, x.dedupKey, x.status, x.summary])).toEqual([
      [a.alert!.id, 'api-down', 'firing', 'api-down is broken'],
      [b.alert!.id, 'web-down', 'firing', 'web-down is broken'],
    ]);
    expect(d.message.alerts[0]).toMatchObject({ severity: 'error', labels: { alertname: 'MonitorDown', monitor: 'api', env: 'prod', severity: 'error' }, startsAt: expect.any(String) });
  });

  it('sends an alert added after the first flush at the next group_interval, not before', async () => {
    const ctx = await org({ receivers: ['chan'], group_by: ['alertname'], group_wait: '30s', group_interval: '5m' });
    await fire(ctx, 'a', { alertname: 'Disk', host: 'h1' });
    clock.advance(30 * SECOND);
    await drain(t.runtime);
    expect(await sent(ctx)).toHaveLength(1);

    clock.advance(1 * MINUTE);
    await fire(ctx, 'b', { alertname: 'Disk', host: 'h2' });
    clock.advance(3 * MINUTE + 59 * SECOND);
    await drain(t.runtime);
    expect(await sent(ctx)).toHaveLength(1);
    clock.advance(1 * SECOND);
    await drain(t.runtime);
    const all = await sent(ctx);
    expect(all).toHaveLength(2);
    expect(all[1].message.title).toBe('[FIRING:2] Disk');
    expect(all[1].message.alerts.map((x) => x.dedupKey)).toEqual(['a', 'b']);
  });

  it('re-notifies a still-firing group after repeat_interval, and stops once it is acknowledged', async () => {
    const ctx = await org({ receivers: ['chan'], group_wait: '0s', group_interval: '5m', repeat_interval: '1h' });
    const a = await fire(ctx, 'cert', { alertname: 'CertExpiring' });
    await drain(t.runtime);
    expect(await sent(ctx)).toHaveLength(1);
    clock.advance(59 * MINUTE);
    await drain(t.runtime);
    expect(await sent(ctx)).toHaveLength(1);
    clock.advance(1 * MINUTE);
    await drain(t.runtime);
    const repeated = await sent(ctx);
    expect(repeated).toHaveLength(2);
    expect(repeated[1].message.alerts.map((x) => x.dedupKey)).toEqual(['cert']);

    await acknowledgeAlert({ ctx, id: a.alert!.id });
    const afterAck = await sent(ctx);
    expect(afterAck).toHaveLength(3);
    expect(afterAck.map((d) => d.message.kind).sort()).toEqual(['alert.acknowledged', 'alert.firing', 'alert.firing']);
    expect(afterAck.find((d) => d.message.kind === 'alert.acknowledged')!.message.title).toBe('[ACKNOWLEDGED] CertExpiring');
    clock.advance(3 * 60 * MINUTE);
    await drain(t.runtime);
    expect(await sent(ctx)).toHaveLength(3);
  });

  it('notifies resolved alerts at the next tick and then forgets them', async () => {
    const ctx = await org({ receivers: ['chan'], group_by: ['alertname'], group_wait: '30s', group_interval: '5m' });
    const a = await fire(ctx, 'h1', { alertname: 'HostDown', host: 'h1' });
    await fire(ctx, 'h2', { alertname: 'HostDown', host: 'h2' });
    clock.advance(30 * SECOND);
    await drain(t.runtime);

    clock.advance(1 * MINUTE);
    await resolveAlert({ ctx, input: { id: a.alert!.id } });
    clock.advance(4 * MINUTE);
    await drain(t.runtime);
    const second = (await sent(ctx))[1];
    expect(second.message.kind).toBe('alert.firing');
    expect(second.message.title).toBe('[FIRING:1] HostDown');
    expect(second.message.alerts.map((x) => [x.dedupKey, x.status, x.endsAt !== undefined])).toEqual([
      ['h1', 'resolved', true],
      ['h2', 'firing', false],
    ]);

    await resolveAlert({ ctx, input: { dedupKey: 'h2' } });
    clock.advance(5 * MINUTE);
    await drain(t.runtime);
    const third = (await sent(ctx))[2];
    expect(third.message.kind).toBe('alert.resolved');
    expect(third.message.title).toBe('[RESOLVED] HostDown');
    expect(third.message.alerts.map((x) => [x.dedupKey, x.status])).toEqual([['h2', 'resolved']]);
    clock.advance(5 * 60 * MINUTE);
    await drain(t.runtime);
    expect(await sent(ctx)).toHaveLength(3);
  });

  it('sends nothing for an alert that fired and resolved within group_wait', async () => {
    const ctx = await org({ receivers: ['chan'], group_wait: '30s' });
    await fire(ctx, 'blip', { alertname: 'Blip' });
    clock.advance(10 * SECOND);
    await resolveAlert({ ctx, input: { dedupKey: 'blip' } });
    clock.advance(30 * SECOND);
    await drain(t.runtime);
    expect(await sent(ctx)).toEqual([]);
  });

  it('splits groups by the group_by values and sends to every route that matches with continue', async () => {
    const ctx = await org({
      receivers: ['default'],
      group_by: ['env'],
      group_wait: '0s',
      routes: [
        { matchers: ['team="db"'], receivers: ['db'], continue: true },
        { matchers: ['env=~"prod|staging"'], receivers: ['ops'] },
      ],
    });
    await fire(ctx, 'x', { alertname: 'Slow', team: 'db', env: 'prod' });
    await fire(ctx, 'y', { alertname: 'Slow', team: 'db', env: 'staging' });
    await fire(ctx, 'z', { alertname: 'Slow', team: 'web', env: 'dev' });
    await drain(t.runtime);
    const got = (await sent(ctx)).map((d) => [d.channels.join(), d.message.groupKey]).sort();
    expect(got).toEqual(
      [
        ['db', '{}/{team="db"}/0:{env="prod"}'],
        ['db', '{}/{team="db"}/0:{env="staging"}'],
        ['default', '{}:{env="dev"}'],
        ['ops', '{}/{env=~"prod|staging"}/1:{env="prod"}'],
        ['ops', '{}/{env=~"prod|staging"}/1:{env="staging"}'],
      ].sort(),
    );
  });

  it('routes firing alerts again when the routing document changes', async () => {
    const ctx = await org({ receivers: ['default'], group_wait: '0s' });
    const slow = await fire(ctx, 'db-slow', { alertname: 'Slow', team: 'db' });
    expect((await sent(ctx)).map((d) => d.channels.join())).toEqual(['default']);
    clock.advance(SECOND);
    await saveRoutes(ctx, { receivers: ['default'], group_wait: '0s', routes: [{ matchers: ['team="db"'], receivers: ['db-pager'] }] });
    await drain(t.runtime);
    const after = await sent(ctx);
    expect(after.map((d) => [d.channels.join(), d.message.groupKey])).toEqual([
      ['default', '{}:{}'],
      ['db-pager', '{}/{team="db"}/0:{}'],
    ]);
    expect((await getAlert({ ctx, id: slow.alert!.id })).groups).toMatchObject([{ routePath: 'routes.0', receivers: ['db-pager'], notifiedStatus: 'firing' }]);
  });

  it('updates one alert on repeated firing and opens a new episode when a resolved alert fires again', async () => {
    const ctx = await org({ receivers: ['chan'], group_wait: '0s' });
    const first = await fire(ctx, 'flappy', { alertname: 'Flappy' });
    clock.advance(SECOND);
    const again = await fire(ctx, 'flappy', { alertname: 'Flappy' });
    expect(again).toMatchObject({ outcome: 'updated', alert: { id: first.alert!.id, fireCount: 2, episode: 1 } });
    await drain(t.runtime);
    clock.advance(MINUTE);
    await resolveAlert({ ctx, input: { dedupKey: 'flappy' } });
    clock.advance(MINUTE);
    const reopened = await fire(ctx, 'flappy', { alertname: 'Flappy' });
    expect(reopened).toMatchObject({ outcome: 'reopened', alert: { id: first.alert!.id, fireCount: 3, episode: 2, status: 'firing', endsAt: null } });
    const detail = await getAlert({ ctx, id: first.alert!.id });
    expect(detail.events.map((e) => [e.type, e.episode])).toEqual([
      ['fired', 1],
      ['notified', 1],
      ['resolved', 1],
      ['reopened', 2],
    ]);
  });

  it('keeps one group and one notification when many alerts for it are raised at once', async () => {
    const ctx = await org({ receivers: ['chan'], group_by: ['alertname'], group_wait: '30s' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => fire(ctx, `burst-${i}`, { alertname: 'Burst', host: `h${i}` })));
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => resolveAlert({ ctx, input: { dedupKey: `burst-${i}` } })),
      ...Array.from({ length: 5 }, (_, i) => fire(ctx, `burst-${i + 20}`, { alertname: 'Burst', host: `h${i + 20}` })),
    ]);
    clock.advance(30 * SECOND);
    await drain(t.runtime);
    const all = await sent(ctx);
    expect(all).toHaveLength(1);
    expect(all[0].message.title).toBe('[FIRING:20] Burst');
    expect(all[0].message.alerts.filter((a) => a.status === 'resolved')).toHaveLength(5);
  });

  it('sends once when a flush job runs twice (at-least-once delivery of jobs)', async () => {
    const ctx = await org({ receivers: ['chan'], group_wait: '0s' });
    await fire(ctx, 'once', { alertname: 'Once' });
    const flush = await t.runtime.db.withTables<JobTables>().selectFrom('jobs').selectAll().where('kind', '=', 'alert.group.flush').where('org_id', '=', ctx.orgId).executeTakeFirstOrThrow();
    await drain(t.runtime);
    await t.runtime.db.withTables<JobTables>().insertInto('jobs').values({ ...flush, id: `${flush.id.slice(0, -4)}dupe`, idempotency_key: null, status: 'pending' }).execute();
    await drain(t.runtime);
    expect(await sent(ctx)).toHaveLength(1);
  });
});
