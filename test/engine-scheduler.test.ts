import http from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { FLIP_JOB, MonitorScheduler, phaseOf } from '../src/modules/monitors/engine/index.ts';
import { runNext, runUntil } from '../src/modules/monitors/engine/test-helpers.ts';
import { createDefaultProbeRegistry, createMonitor, createMonitorsModule, deleteMonitor, setMonitorPaused, type CreateMonitorInput } from '../src/modules/monitors/index.ts';
import { ProbeInternalError, type ProbeRegistry, type ProbeResult } from '../src/modules/monitors/probes/index.ts';
import { listen, closeServer, startHttpServer, type TestHttpServer } from '../src/modules/monitors/probes/test-helpers.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import type { Ctx } from '../src/platform/context.ts';
import { ManualClock, SECOND } from '../src/platform/clock.ts';
import type { JobTables } from '../src/platform/jobs/index.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('MonitorScheduler', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let ctx: Ctx;
  let probes: ProbeRegistry;
  let status: number;
  let hits: string[];
  let target: TestHttpServer;
  let schedulers: MonitorScheduler[];

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T00:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: [auditModule, authModule, createMonitorsModule()] });
    ctx = (await createOrgWithOwner(t.runtime, 'engine')).ctx;
    probes = createDefaultProbeRegistry();
    status = 200;
    hits = [];
    target = await startHttpServer((req, res) => {
      hits.push(req.url ?? '');
      res.statusCode = status;
      res.end('ok');
    });
    schedulers = [];
  });
  afterEach(async () => {
    for (const s of schedulers ?? []) await s.stop(1000);
    await target?.close();
    await t?.close();
  });

  const q = () => t.runtime.db.withTables<MonitorTables & JobTables>();
  const scheduler = (options: Partial<ConstructorParameters<typeof MonitorScheduler>[0]> = {}) => {
    const s = new MonitorScheduler({ ...t.runtime, clock, probes, ...options });
    schedulers.push(s);
    return s;
  };
  const monitor = async (input: Partial<CreateMonitorInput> & { settings: Record<string, unknown> }) =>
    createMonitor({ ctx, probes, input: { name: 'm', type: 'http', labels: {}, interval: 60, retryInterval: 20, confirmDown: 2, confirmUp: 1, paused: false, ...input } });
  const results = (monitorId: string) => q().selectFrom('check_results').selectAll().where('monitor_id', '=', monitorId).orderBy('at').execute();
  const row = (id: string) => q().selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('takes an HTTP monitor up, down after exactly two failed checks (the first retried soon), and up again, with flips and jobs', async () => {
    const m = await monitor({ settings: { url: `${target.url}/health` } });
    const s = scheduler();
    expect(await s.activate()).toBe(true);

    const t0 = await runNext(s, clock);
    status = 500;
    const t1 = await runNext(s, clock);
    const onGrid = (at: number) => (at - phaseOf(m.id, 60 * SECOND)) % (60 * SECOND) === 0;
    expect(onGrid(t1) && t1 - t0 <= 60 * SECOND).toBe(true);
    expect(s.nextDueAt()).toBe(t1 + 20 * SECOND);
    await s.flush();
    expect((await row(m.id)).state).toBe('up');

    const t2 = await runNext(s, clock);
    expect(t2).toBe(t1 + 20 * SECOND);
    status = 200;
    const t3 = await runNext(s, clock);
    expect(t3).toBe(t1 + 60 * SECOND);
    await s.flush();

    expect((await results(m.id)).map((r) => [Number(r.at), r.outcome, r.error_code])).toEqual([
      [t0, 'up', null],
      [t1, 'down', 'STATUS_MISMATCH'],
      [t2, 'down', 'STATUS_MISMATCH'],
      [t3, 'up', null],
    ]);
    const flips = await q().selectFrom('monitor_flips').selectAll().where('monitor_id', '=', m.id).orderBy('at').execute();
    expect(flips.map((f) => [Number(f.at), f.from_state, f.to_state])).toEqual([
      [t0, 'pending', 'up'],
      [t2, 'up', 'down'],
      [t3, 'down', 'up'],
    ]);
    expect(JSON.parse(flips[1].reason!)).toMatchObject({ cause: 'check', outcome: 'down', errorCode: 'STATUS_MISMATCH', at: t2 });
    const jobs = await q().selectFrom('jobs').selectAll().where('kind', '=', FLIP_JOB).where('org_id', '=', ctx.orgId).orderBy('due_at').execute();
    expect(jobs.map((j) => j.idempotency_key).sort()).toEqual(flips.map((f) => `flip:${f.id}`).sort());
    const down = jobs.find((j) => j.idempotency_key === `flip:${flips[1].id}`)!;
    expect(down.status).toBe('pending');
    expect(JSON.parse(down.payload)).toMatchObject({ orgId: ctx.orgId, monitorId: m.id, flipId: flips[1].id, from: 'up', to: 'down', at: t2, reason: { errorCode: 'STATUS_MISMATCH' } });

    const stored = await row(m.id);
    expect(stored).toMatchObject({ state: 'up', health_state: 'up', consecutive_failures: 0, last_outcome: 'up' });
    expect(Number(stored.state_since)).toBe(t3);
    expect(Number(stored.next_due_at)).toBe(t3 + 60 * SECOND);
    expect(hits).toEqual(['/health', '/health', '/health', '/health']);
  });

  it('never checks a paused monitor, and stops checking one paused while scheduled', async () => {
    const paused = await monitor({ settings: { url: `${target.url}/paused` }, paused: true });
    const active = await monitor({ settings: { url: `${target.url}/active` } });
    const s = scheduler();
    await s.activate();
    expect(s.size).toBe(1);
    await runUntil(s, clock, clock.now() + 3 * 60 * SECOND);
    const checked = hits.filter((h) => h === '/active').length;
    expect(checked).toBeGreaterThanOrEqual(3);

    await setMonitorPaused({ ctx: { ...ctx, clock }, id: active.id, paused: true });
    await s.sync();
    await runUntil(s, clock, clock.now() + 5 * 60 * SECOND);
    await s.flush();
    expect(hits.filter((h) => h === '/active')).toHaveLength(checked);
    expect(hits.filter((h) => h === '/paused')).toHaveLength(0);
    expect(await results(paused.id)).toHaveLength(0);
    expect((await row(active.id)).state).toBe('paused');
  });

  it('stops checking a deleted monitor', async () => {
    const m = await monitor({ settings: { url: `${target.url}/gone` } });
    const other = await monitor({ settings: { url: `${target.url}/stays` } });
    const s = scheduler();
    await s.activate();
    await runUntil(s, clock, clock.now() + 2 * 60 * SECOND);
    await deleteMonitor({ ctx, id: m.id });
    await s.sync();
    expect(s.size).toBe(1);
    const before = hits.filter((h) => h === '/gone').length;
    await runUntil(s, clock, clock.now() + 5 * 60 * SECOND);
    await s.flush();
    expect(hits.filter((h) => h === '/gone')).toHaveLength(before);
    expect((await results(other.id)).length).toBeGreaterThan(5);
  });

  it('records a ProbeInternalError as an internal_error gap and leaves the state alone', async () => {
    let broken = false;
    probes.register({
      type: 'flaky-custos',
      settingsSchema: z.object({ host: z.string() }),
      check: async (): Promise<ProbeResult> => {
        if (broken) throw new ProbeInternalError('LOCAL_PORTS_EXHAUSTED', 'no local port left');
        return { outcome: 'up', latencyMs: 1 };
      },
    });
    const m = await monitor({ type: 'flaky-custos', settings: { host: 'example.test' } });
    const s = scheduler();
    await s.activate();
    await runNext(s, clock);
    broken = true;
    const failedAt = await runNext(s, clock);
    const failedAgain = await runNext(s, clock);
    expect(failedAgain - failedAt).toBe(60 * SECOND);
    await s.flush();

    expect((await results(m.id)).map((r) => r.outcome)).toEqual(['up']);
    expect(await row(m.id)).toMatchObject({ state: 'up', health_state: 'up', consecutive_failures: 0 });
    const gaps = await q().selectFrom('coverage_gaps').selectAll().where('monitor_id', '=', m.id).orderBy('from_at').execute();
    expect(gaps.map((g) => [g.cause, Number(g.from_at), Number(g.to_at), g.missed_checks])).toEqual([
      ['internal_error', failedAt, failedAt + 60 * SECOND, 1],
      ['internal_error', failedAgain, failedAgain + 60 * SECOND, 1],
    ]);
    expect(gaps[0].detail).toContain('LOCAL_PORTS_EXHAUSTED');
    const flips = await q().selectFrom('monitor_flips').select('to_state').where('monitor_id', '=', m.id).execute();
    expect(flips.map((f) => f.to_state)).toEqual(['up']);
  });

  it('keeps results through a failed database write and never reports the target down for it', async () => {
    const m = await monitor({ settings: { url: `${target.url}/fine` } });
    let failNext = true;
    const s = scheduler({
      onFlush: () => {
        if (failNext) {
          failNext = false;
          throw new Error('SQLITE_BUSY: database is locked');
        }
      },
    });
    await s.activate();
    await runNext(s, clock);
    await runNext(s, clock);
    const failed = await s.flush();
    expect(failed.error).toMatch(/locked/);
    expect(await results(m.id)).toHaveLength(0);
    expect((await row(m.id)).state).toBe('pending');

    await runNext(s, clock);
    const ok = await s.flush();
    expect(ok).toMatchObject({ error: null, results: 3 });
    expect((await results(m.id)).map((r) => r.outcome)).toEqual(['up', 'up', 'up']);
    expect(await row(m.id)).toMatchObject({ state: 'up', consecutive_failures: 0 });
    const flips = await q().selectFrom('monitor_flips').select('to_state').where('monitor_id', '=', m.id).execute();
    expect(flips.map((f) => f.to_state)).toEqual(['up']);
  });

  it('keeps a slow host to its per-host limit so a fast host is checked at once', async () => {
    const held: http.ServerResponse[] = [];
    const slow = http.createServer((_req, res) => held.push(res));
    const slowPort = await listen(slow);
    let fastHit!: () => void;
    const fastReached = new Promise<void>((resolve) => (fastHit = resolve));
    const fast = http.createServer((_req, res) => {
      fastHit();
      res.end('ok');
    });
    fast.listen(0, '127.0.0.2');
    await new Promise((r) => fast.once('listening', r));
    const fastPort = (fast.address() as { port: number }).port;
    try {
      for (let i = 0; i < 5; i++) await monitor({ name: `slow${i}`, settings: { url: `http://127.0.0.1:${slowPort}/${i}` }, timeoutMs: 30_000 });
      const s = scheduler({ limits: { global: 4, perHost: 2 } });
      await s.activate();
      clock.advance(1);
      const f = await monitor({ name: 'fast', settings: { url: `http://127.0.0.2:${fastPort}/` } });
      await s.sync();

      expect(s.tick()).toBe(6);
      expect(s.inFlight).toBe(3);
      await fastReached;
      for (let i = 0; i < 50 && held.length < 2; i++) await new Promise((r) => setImmediate(r));
      expect(held).toHaveLength(2);
      const releaseAll = () => {
        for (const res of held.splice(0)) res.end('late');
      };
      const pump = setInterval(releaseAll, 5);
      await s.runDue();
      clearInterval(pump);
      await s.flush();
      expect((await results(f.id)).map((r) => r.outcome)).toEqual(['up']);
      expect(await q().selectFrom('check_results').select('monitor_id').execute()).toHaveLength(6);
    } finally {
      await closeServer(slow);
      await closeServer(fast);
    }
  });
});
