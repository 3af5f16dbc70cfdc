import http from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { MonitorScheduler } from '../src/modules/monitors/engine/index.ts';
import { runNext } from '../src/modules/monitors/engine/test-helpers.ts';
import { createDefaultProbeRegistry, createMonitor, createMonitorsModule } from '../src/modules/monitors/index.ts';
import type { ProbeResult } from '../src/modules/monitors/probes/index.ts';
import { closeServer, listen } from '../src/modules/monitors/probes/test-helpers.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { ManualClock, SECOND } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('MonitorScheduler overload gaps', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let ctx: Ctx;
  let server: http.Server;
  let url: string;
  let hold: boolean;
  let held: http.ServerResponse[];
  let arrived: () => void;
  let s: MonitorScheduler | undefined;
  const probes = createDefaultProbeRegistry();

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T00:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: [auditModule, authModule, createMonitorsModule()] });
    ctx = (await createOrgWithOwner(t.runtime, 'gaps')).ctx;
    hold = false;
    held = [];
    arrived = () => undefined;
    server = http.createServer((_req, res) => {
      arrived();
      if (hold) held.push(res);
      else res.end('ok');
    });
    url = `http://127.0.0.1:${await listen(server)}/`;
  });
  afterEach(async () => {
    for (const res of held) res.end();
    await s?.stop(1000);
    if (server) await closeServer(server);
    await t?.close();
  });

  const q = () => t.runtime.db.withTables<MonitorTables>();
  const gaps = (id: string) => q().selectFrom('coverage_gaps').selectAll().where('monitor_id', '=', id).orderBy('from_at').execute();
  const results = (id: string) => q().selectFrom('check_results').selectAll().where('monitor_id', '=', id).orderBy('at').execute();

  it('skips a check that could not start within half its interval, as an overload gap', async () => {
    const m = await createMonitor({ ctx, probes, input: { name: 'late', type: 'http', settings: { url }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } });
    s = new MonitorScheduler({ ...t.runtime, clock, probes });
    await s.activate();
    await runNext(s, clock);
    const due = s.nextDueAt()!;
    clock.set(due + 31 * SECOND);
    await s.runDue();
    expect(s.nextDueAt()).toBe(due + 60 * SECOND);
    const next = await runNext(s, clock);
    await s.flush();

    expect((await results(m.id)).map((r) => Number(r.at))).toEqual([expect.any(Number), next]);
    expect((await gaps(m.id)).map((g) => [g.cause, Number(g.from_at), Number(g.to_at), g.missed_checks])).toEqual([['overload', due, due + 60 * SECOND, 1]]);
  });

  it('records the slots that passed while the previous check was still running', async () => {
    const m = await createMonitor({ ctx, probes, input: { name: 'slow', type: 'http', settings: { url }, labels: {}, interval: 10, timeoutMs: 60_000, confirmDown: 2, confirmUp: 1, paused: false } });
    s = new MonitorScheduler({ ...t.runtime, clock, probes });
    await s.activate();
    await runNext(s, clock);
    const due = s.nextDueAt()!;
    clock.set(due);
    hold = true;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    expect(s.tick()).toBe(1);
    await reached;
    clock.set(due + 25 * SECOND);
    expect(s.tick()).toBe(0);
    hold = false;
    for (const res of held.splice(0)) res.end('ok');
    await s.runDue();
    expect(s.nextDueAt()).toBe(due + 20 * SECOND);
    await s.runDue();
    await s.flush();

    expect((await results(m.id)).map((r) => Number(r.at))).toEqual([expect.any(Number), due, due + 25 * SECOND]);
    expect((await gaps(m.id)).map((g) => [g.cause, Number(g.from_at), Number(g.to_at), g.missed_checks])).toEqual([['overload', due + 10 * SECOND, due + 20 * SECOND, 1]]);
  });

  it('gives the slot back when a probe ignores its timeout, and records the check as not performed', async () => {
    const hanging = createDefaultProbeRegistry().register({
      type: 'hangs',
      settingsSchema: z.object({ host: z.string() }),
      check: () => new Promise<ProbeResult>(() => undefined),
    });
    // A day's interval: the next slot (placed by a hash of the random id) cannot fall within the 6 s
    // this test advances, which at 60 s started the next check one run in ten and kept a slot busy.
    const m = await createMonitor({ ctx, probes: hanging, input: { name: 'hung', type: 'hangs', settings: { host: 'example.test' }, labels: {}, interval: 86_400, timeoutMs: 1_000, confirmDown: 2, confirmUp: 1, paused: false } });
    s = new MonitorScheduler({ ...t.runtime, clock, probes: hanging });
    await s.activate();
    const started = clock.now();
    expect(s.tick()).toBe(1);
    expect(s.inFlight).toBe(1);
    clock.advance(6_001);
    s.tick();
    expect(s.inFlight).toBe(0);
    await s.flush();
    const gap = await gaps(m.id);
    expect(gap.map((g) => [g.cause, Number(g.from_at), g.missed_checks])).toEqual([['internal_error', started, 1]]);
    expect(gap[0].detail).toMatch(/^PROBE_HUNG/);
    expect(await results(m.id)).toEqual([]);
    expect(s.nextDueAt()).toBe(Number(gap[0].to_at));
  });
});
