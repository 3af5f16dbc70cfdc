import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { MonitorScheduler } from '../src/modules/monitors/engine/index.ts';
import { runUntil } from '../src/modules/monitors/engine/test-helpers.ts';
import { createDefaultProbeRegistry, createMaintenanceWindow, createMonitor, createMonitorsModule } from '../src/modules/monitors/index.ts';
import { startHttpServer, type TestHttpServer } from '../src/modules/monitors/probes/test-helpers.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { ManualClock, MINUTE } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createOrgWithOwner, createTokenFor, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const modules = () => [auditModule, authModule, createMonitorsModule()];

describeEachDialect('maintenance windows in the scheduler', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let ctx: Ctx;
  let target: TestHttpServer;
  let status: number;
  let s: MonitorScheduler | undefined;
  const probes = createDefaultProbeRegistry();

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T00:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: modules() });
    ctx = (await createOrgWithOwner(t.runtime, 'maint')).ctx;
    status = 200;
    target = await startHttpServer((_req, res) => res.writeHead(status).end('ok'));
  });
  afterEach(async () => {
    await s?.stop(1000);
    await target?.close();
    await t?.close();
  });

  const q = () => t.runtime.db.withTables<MonitorTables>();

  it('shows maintenance for the window, keeps checking, and returns to the health the checks found', async () => {
    const m = await createMonitor({ ctx, probes, input: { name: 'db', type: 'http', settings: { url: target.url }, labels: { tier: 'db' }, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } });
    const bystander = await createMonitor({ ctx, probes, input: { name: 'web', type: 'http', settings: { url: target.url }, labels: { tier: 'web' }, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } });
    s = new MonitorScheduler({ ...t.runtime, clock, probes });
    await s.activate();
    await s.runDue();

    const start = clock.now() + 5 * MINUTE;
    const end = start + 10 * MINUTE;
    const w = await createMaintenanceWindow({
      ctx,
      input: { name: 'db upgrade', selector: { labels: { tier: 'db' } }, schedule: { kind: 'once', startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() }, active: true },
    });
    await s.sync();
    await runUntil(s, clock, start + 4 * MINUTE);
    status = 500;
    await runUntil(s, clock, end - 1);
    await s.flush();
    expect((await q().selectFrom('monitors').select('state').where('id', '=', m.id).executeTakeFirstOrThrow()).state).toBe('maintenance');

    await runUntil(s, clock, end + 2 * MINUTE);
    await s.flush();

    const flips = await q().selectFrom('monitor_flips').selectAll().where('monitor_id', '=', m.id).orderBy('at').execute();
    expect(flips.map((f) => [f.from_state, f.to_state])).toEqual([
      ['pending', 'up'],
      ['up', 'maintenance'],
      ['maintenance', 'down'],
    ]);
    expect(Number(flips[1].at)).toBe(start);
    expect(Number(flips[2].at)).toBe(end);
    expect(JSON.parse(flips[1].reason!)).toMatchObject({ cause: 'maintenance_started', windowId: w.id, windowName: 'db upgrade' });

    const during = await q().selectFrom('check_results').selectAll().where('monitor_id', '=', m.id).where('at', '>=', start).where('at', '<', end).execute();
    expect(during.length).toBeGreaterThanOrEqual(9);
    expect(during.every((r) => JSON.parse(r.details!).maintenanceWindowId === w.id)).toBe(true);
    expect(during.some((r) => r.outcome === 'down')).toBe(true);

    const other = await q().selectFrom('monitor_flips').select('to_state').where('monitor_id', '=', bystander.id).execute();
    expect(other.map((f) => f.to_state)).toEqual(['up', 'down']);
  });
});

describeEachDialect('maintenance API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let admin: TestToken;
  let viewer: TestToken;
  let otherAdmin: TestToken;
  let monitorId: string;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, modules: modules() });
    app = await buildApp(t.runtime, { runsJobs: false });
    const a = await createOrgWithOwner(t.runtime, 'maint-a');
    await createOrgWithOwner(t.runtime, 'maint-b', { email: 'owner@maint-a.example.com' });
    admin = await createTokenFor(t.runtime, 'maint-a', 'admin');
    viewer = await createTokenFor(t.runtime, 'maint-a', 'viewer');
    otherAdmin = await createTokenFor(t.runtime, 'maint-b', 'admin');
    monitorId = (await createMonitor({ ctx: a.ctx, probes: createDefaultProbeRegistry(), input: { name: 'x', type: 'tcp', settings: { host: '127.0.0.1', port: 9 }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } })).id;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: TestToken, payload?: unknown) =>
    app.inject({ method, url: `/api/v1/maintenance${url}`, headers: token.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const weekly = { kind: 'weekly', days: ['sun'], time: '02:00', timezone: 'Europe/London', durationMinutes: 120 };

  it('creates, lists, reads, updates and deletes a window, auditing each change', async () => {
    const created = await call('POST', '', admin, { name: 'Sunday patching', selector: { monitorIds: [monitorId] }, schedule: weekly });
    expect(created.statusCode).toBe(201);
    const w = created.json();
    expect(w).toMatchObject({ name: 'Sunday patching', active: true, schedule: weekly, selector: { monitorIds: [monitorId] } });

    expect((await call('GET', '', viewer)).json().data.map((x: { id: string }) => x.id)).toContain(w.id);
    expect((await call('GET', `/${w.id}`, viewer)).json().name).toBe('Sunday patching');
    const patched = await call('PATCH', `/${w.id}`, admin, { active: false, schedule: { kind: 'once', startsAt: '2026-06-01T10:00:00+02:00', endsAt: '2026-06-01T12:00:00+02:00' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ active: false, inForce: false, schedule: { startsAt: '2026-06-01T08:00:00.000Z' } });
    expect((await call('DELETE', `/${w.id}`, admin)).statusCode).toBe(204);
    expect((await call('GET', `/${w.id}`, admin)).json().error.code).toBe('MAINTENANCE_NOT_FOUND');

    const audit = await app.inject({ method: 'GET', url: `/api/v1/audit/events?subject=maintenance_window:${w.id}`, headers: admin.headers });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().data.map((e: { action: string }) => e.action).sort()).toEqual(['maintenance.create', 'maintenance.delete', 'maintenance.update']);
  });

  it('answers 400 naming each bad field, 403 to a viewer and 404 across organizations', async () => {
    const bad = await call('POST', '', admin, { name: 'x', selector: { monitorIds: ['nope'] }, schedule: { ...weekly, timezone: 'Mars/Base', days: ['someday'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['schedule.days.0', 'schedule.timezone']);
    const unknown = await call('POST', '', admin, { name: 'x', selector: { monitorIds: ['nope'] }, schedule: weekly });
    expect(unknown.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['selector.monitorIds.0']);
    expect((await call('POST', '', viewer, { name: 'x', selector: { labels: { a: 'b' } }, schedule: weekly })).statusCode).toBe(403);

    const w = (await call('POST', '', admin, { name: 'mine', selector: { labels: { a: 'b' } }, schedule: weekly })).json();
    expect((await call('GET', `/${w.id}`, otherAdmin)).statusCode).toBe(404);
    expect((await call('PATCH', `/${w.id}`, otherAdmin, { name: 'theirs' })).statusCode).toBe(404);
    expect((await call('DELETE', `/${w.id}`, otherAdmin)).statusCode).toBe(404);
    expect((await call('GET', '', otherAdmin)).json().data).toEqual([]);
  });
});
