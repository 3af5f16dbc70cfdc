import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule } from '../src/modules/auth/index.ts';
import { MonitorScheduler } from '../src/modules/monitors/engine/index.ts';
import { runNext } from '../src/modules/monitors/engine/test-helpers.ts';
import { createDefaultProbeRegistry, createMonitor, createMonitorsModule } from '../src/modules/monitors/index.ts';
import { startHttpServer, type TestHttpServer } from '../src/modules/monitors/probes/test-helpers.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { ManualClock, MINUTE, SECOND } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('MonitorScheduler restart and lease', (dialect) => {
  let t: TestRuntime;
  let clock: ManualClock;
  let ctx: Ctx;
  let target: TestHttpServer;
  const probes = createDefaultProbeRegistry();
  let schedulers: MonitorScheduler[];

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T00:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: [auditModule, authModule, createMonitorsModule()] });
    ctx = (await createOrgWithOwner(t.runtime, 'restart')).ctx;
    target = await startHttpServer((_req, res) => res.end('ok'));
    schedulers = [];
  });
  afterEach(async () => {
    for (const s of schedulers ?? []) await s.stop(1000);
    await target?.close();
    await t?.close();
  });

  const q = () => t.runtime.db.withTables<MonitorTables>();
  const scheduler = () => {
    const s = new MonitorScheduler({ ...t.runtime, clock, probes, leaseTtlMs: 15 * SECOND });
    schedulers.push(s);
    return s;
  };
  const monitor = (name: string, interval = 60) =>
    createMonitor({ ctx, probes, input: { name, type: 'http', settings: { url: `${target.url}/${name}` }, labels: {}, interval, confirmDown: 2, confirmUp: 1, paused: false } });

  it('records the checks missed while no process ran as process_down gaps, and resumes within one interval', async () => {
    const ms = [await monitor('a'), await monitor('b', 10), await monitor('c', 3600)];
    const first = scheduler();
    await first.activate();
    await first.runDue();
    await first.stop(1000);
    const stored = new Map((await q().selectFrom('monitors').select(['id', 'next_due_at']).execute()).map((r) => [r.id, Number(r.next_due_at)]));

    clock.set(stored.get(ms[0].id)! + 3.5 * MINUTE);
    const restartedAt = clock.now();
    const second = scheduler();
    expect(await second.activate()).toBe(true);
    expect(second.size).toBe(3);
    await second.flush();

    const gaps = await q().selectFrom('coverage_gaps').selectAll().orderBy('monitor_id').execute();
    for (const m of ms) {
      const interval = m.interval * SECOND;
      const due = stored.get(m.id)!;
      const resume = due + Math.ceil((restartedAt - due) / interval) * interval;
      const gap = gaps.filter((g) => g.monitor_id === m.id);
      if (due >= restartedAt) {
        expect(gap).toEqual([]);
        continue;
      }
      expect(gap.map((g) => [g.cause, Number(g.from_at), Number(g.to_at), g.missed_checks])).toEqual([['process_down', due, resume, Math.round((resume - due) / interval)]]);
      const row = await q().selectFrom('monitors').select('next_due_at').where('id', '=', m.id).executeTakeFirstOrThrow();
      expect(Number(row.next_due_at)).toBe(resume);
    }
    expect(gaps.find((g) => g.monitor_id === ms[0].id)?.missed_checks).toBe(4);
    expect(gaps.find((g) => g.monitor_id === ms[1].id)?.missed_checks).toBe(Math.ceil((restartedAt - stored.get(ms[1].id)!) / (10 * SECOND)));

    const ran = new Set<string>();
    while (ran.size < 2) {
      const at = await runNext(second, clock);
      expect(at - restartedAt).toBeLessThanOrEqual(MINUTE);
      await second.flush();
      for (const r of await q().selectFrom('check_results').select('monitor_id').where('at', '>=', restartedAt).execute()) ran.add(r.monitor_id);
    }
  });

  it('keeps a second scheduler in standby until the holder releases the lease or lets it expire', async () => {
    await monitor('a');
    const holder = scheduler();
    const standby = scheduler();
    expect(await holder.activate()).toBe(true);
    expect(await standby.activate()).toBe(false);
    clock.advance(10 * SECOND);
    expect(await holder.activate()).toBe(true);
    clock.advance(10 * SECOND);
    expect(await standby.activate()).toBe(false);
    clock.advance(6 * SECOND);
    expect(await standby.activate()).toBe(true);
    expect(standby.size).toBe(1);

    await standby.stop(1000);
    const third = scheduler();
    expect(await third.activate()).toBe(true);
  });
});
