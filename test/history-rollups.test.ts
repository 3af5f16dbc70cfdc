import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAdmin, servicesOf } from '../src/modules/auth/index.ts';
import { computeRollups, ensureHistoryJobs, getUptime, ROLLUP_JOB } from '../src/modules/monitors/index.ts';
import { rollupMonitors } from '../src/modules/monitors/history/compute-rollups.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { DAY, HOUR, ManualClock, MINUTE, SECOND } from '../src/platform/clock.ts';
import { cliActor, serviceCtx, type Services } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { insertFlips, insertGap, insertMonitors, insertResults, monitorRow, result } from './history-fixtures.ts';

const H = Date.parse('2026-04-07T10:00:00Z');
const DAY0 = Date.parse('2026-04-07T00:00:00Z');

/** A deterministic spread of latencies with a long tail. */
const latencyOf = (i: number) => 40 + ((i * 7919) % 97) + (i % 23 === 0 ? 900 + i : 0);

/** Nearest rank, written out again here so the test does not trust the code under test. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

describeEachDialect('computeRollups', (dialect) => {
  let t: TestRuntime;
  let services: Services;
  let orgId: string;
  let id: string;
  const clock = new ManualClock(H + 2 * HOUR);
  const rollups = (monitorId: string) =>
    t.runtime.db.withTables<MonitorTables>().selectFrom('monitor_rollups').selectAll().where('monitor_id', '=', monitorId).orderBy('period').orderBy('start_at').execute();

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    services = servicesOf(t.runtime);
    orgId = (await createAdmin({ services, actor: cliActor(), input: { email: 'owner@rollups.example.com', password: 'long enough password', orgSlug: 'rollups' } })).org.id;
    const row = monitorRow(orgId, DAY0 - DAY, { intervalS: 30 });
    id = row.id;
    await insertMonitors(t.runtime.db, [row]);
    // In the hour: up, down from :20 to :35, a gap from :40 to :45, maintenance from :50.
    await insertFlips(t.runtime.db, orgId, id, [
      { at: DAY0 - DAY + MINUTE, from: 'pending', to: 'up' },
      { at: H + 20 * MINUTE, from: 'up', to: 'down' },
      { at: H + 35 * MINUTE, from: 'down', to: 'up' },
      { at: H + 50 * MINUTE, from: 'up', to: 'maintenance' },
    ]);
    await insertGap(t.runtime.db, orgId, id, H + 40 * MINUTE, H + 45 * MINUTE, 10);
    const rows = [];
    for (let i = 0, at = H - HOUR; at < H + 50 * MINUTE; i++, at += 30 * SECOND) {
      if (at >= H + 40 * MINUTE && at < H + 45 * MINUTE) continue;
      const down = at >= H + 19 * MINUTE && at < H + 35 * MINUTE;
      rows.push(result(orgId, id, at, down ? 'down' : i % 11 === 0 ? 'degraded' : 'up', down ? 10_000 : latencyOf(i)));
    }
    await insertResults(t.runtime.db, rows);
  });
  afterAll(() => t.close());

  it('matches an independent calculation from the raw rows of the hour', async () => {
    const summary = await computeRollups({ services, period: 'hour', startAt: H });
    expect(summary).toMatchObject({ period: 'hour', startAt: H, monitors: 1, written: 1, failed: [] });
    const raw = await t.runtime.db
      .withTables<MonitorTables>()
      .selectFrom('check_results')
      .selectAll()
      .where('monitor_id', '=', id)
      .where('at', '>=', H)
      .where('at', '<', H + HOUR)
      .execute();
    const ok = raw.filter((r) => r.outcome !== 'down').map((r) => r.latency_ms);
    const [row] = (await rollups(id)).filter((r) => r.period === 'hour');
    expect(row).toMatchObject({
      start_at: H,
      executed: raw.length,
      up: raw.filter((r) => r.outcome === 'up').length,
      degraded: raw.filter((r) => r.outcome === 'degraded').length,
      down: raw.filter((r) => r.outcome === 'down').length,
      // Active: 50 min (maintenance from :50) at one check per 30 s.
      expected: 100,
      latency_p50: percentile(ok, 50),
      latency_p95: percentile(ok, 95),
      latency_p99: percentile(ok, 99),
      up_ms: 30 * MINUTE,
      down_ms: 15 * MINUTE,
      degraded_ms: 0,
      maintenance_ms: 10 * MINUTE,
      nodata_ms: 5 * MINUTE,
      paused_ms: 0,
    });
    expect(raw.length).toBe(90);
    expect(row.latency_avg).toBeCloseTo(ok.reduce((a, b) => a + b, 0) / ok.length, 2);
    expect(row.latency_p99).toBeGreaterThan(900);
  });

  it('replaces the row when an hour is computed again', async () => {
    const before = await rollups(id);
    await computeRollups({ services, period: 'hour', startAt: H });
    expect(await rollups(id)).toEqual(before);
    await insertResults(t.runtime.db, [result(orgId, id, H + 55 * MINUTE, 'up', 1)]);
    await computeRollups({ services, period: 'hour', startAt: H });
    const after = (await rollups(id)).filter((r) => r.period === 'hour' && Number(r.start_at) === H);
    expect(after).toHaveLength(1);
    expect(after[0].executed).toBe(91);
  });

  it('rolls up a day from its raw rows', async () => {
    await computeRollups({ services, period: 'day', startAt: DAY0 });
    const day = (await rollups(id)).find((r) => r.period === 'day')!;
    expect(day).toMatchObject({ start_at: DAY0, executed: 211, down: 32, up_ms: 10 * HOUR + 30 * MINUTE, down_ms: 15 * MINUTE, nodata_ms: 5 * MINUTE, maintenance_ms: 13 * HOUR + 10 * MINUTE });
    expect(Number(day.up_ms) + Number(day.down_ms) + Number(day.nodata_ms) + Number(day.maintenance_ms)).toBe(DAY);
  });

  it('reports a monitor it cannot roll up and still writes the others', async () => {
    const good = monitorRow(orgId, H - DAY);
    const bad = monitorRow(orgId, H - DAY);
    await insertMonitors(t.runtime.db, [good, bad]);
    await insertFlips(t.runtime.db, orgId, bad.id, [{ at: H + MINUTE, from: 'up', to: 'sideways' as never }]);
    const summary = await computeRollups({ services, period: 'hour', startAt: H });
    expect(summary.monitors).toBe(3);
    expect(summary.written).toBe(2);
    expect(summary.failed).toEqual([{ monitorId: bad.id, error: expect.stringMatching(/unknown state/) }]);
    expect(await rollups(good.id)).toHaveLength(1);
    expect(await rollups(bad.id)).toHaveLength(0);
  });

  it('counts checks from rollups where raw rows are gone and from raw rows elsewhere, however sparse the rollups', async () => {
    const start = DAY0 - 6 * DAY;
    const row = monitorRow(orgId, start - HOUR, { intervalS: 600 });
    await insertMonitors(t.runtime.db, [row]);
    await insertFlips(t.runtime.db, orgId, row.id, [{ at: start - HOUR, from: 'pending', to: 'up' }]);
    await insertResults(t.runtime.db, Array.from({ length: 720 }, (_, k) => result(orgId, row.id, start + k * 10 * MINUTE, 'up', 10)));
    const ctx = serviceCtx(services, orgId, cliActor());
    let rolled = 0;
    for (const rolledHours of [2, 60]) {
      for (let k = rolled; k < rolledHours; k++, rolled++) {
        const h = start + 2 * k * HOUR;
        await rollupMonitors(services, orgId, [{ id: row.id, orgId, createdAt: start - HOUR, state: 'up', intervalS: 600 }], 'hour', h);
        await t.runtime.db.withTables<MonitorTables>().deleteFrom('check_results').where('monitor_id', '=', row.id).where('at', '>=', h).where('at', '<', h + HOUR).execute();
      }
      const u = await getUptime({ ctx, id: row.id, input: { from: new Date(start).toISOString(), to: new Date(start + 5 * DAY).toISOString() } });
      expect(u.checks).toEqual({ expected: 720, executed: 720, missed: 0 });
    }
  });

  it('runs as a durable job chain: each hour schedules the next', async () => {
    clock.set(H + 2 * HOUR + 6 * MINUTE);
    await ensureHistoryJobs(t.runtime.db, clock.now());
    const first = await t.runtime.runner.runOnce();
    expect(first.failed + first.retried).toBe(0);
    const jobs = await t.runtime.db
      .withTables<{ jobs: { kind: string; idempotency_key: string | null; status: string } }>()
      .selectFrom('jobs')
      .select(['idempotency_key', 'status'])
      .where('kind', '=', ROLLUP_JOB)
      .execute();
    const status = Object.fromEntries(jobs.map((j) => [j.idempotency_key, j.status]));
    expect(status[`rollup:hour:${H + HOUR}`]).toBe('done');
    expect(status[`rollup:hour:${H + 2 * HOUR}`]).toBe('pending');
    expect(status[`rollup:day:${DAY0}`]).toBe('pending');
    clock.advance(HOUR);
    await ensureHistoryJobs(t.runtime.db, clock.now());
    expect((await t.runtime.runner.runOnce()).completed).toBe(1);
    expect((await rollups(id)).filter((r) => r.period === 'hour').map((r) => Number(r.start_at))).toEqual([H, H + HOUR, H + 2 * HOUR]);
  });
});
