import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAdmin, servicesOf } from '../src/modules/auth/index.ts';
import { applyRetention, computeRollups, createDefaultProbeRegistry, createMonitor, getUptime, setMonitorPaused } from '../src/modules/monitors/index.ts';
import { HOUR, ManualClock, MINUTE } from '../src/platform/clock.ts';
import { cliActor, serviceCtx, type Ctx } from '../src/platform/context.ts';
import type { CheckResultsTable, MonitorState } from '../src/modules/monitors/schema.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { insertFlips, insertGap, insertResults, result, type FlipSpec } from './history-fixtures.ts';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const m = (minutes: number) => T0 + minutes * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** pending 10 min, up, down 30 min, maintenance 1 h, paused 1 h, a 15 min coverage gap, degraded 20 min. */
const TIMELINE: FlipSpec[] = [
  { at: m(10), from: 'pending', to: 'up' },
  { at: m(120), from: 'up', to: 'down', reason: { errorCode: 'CONNECTION_REFUSED' } },
  { at: m(150), from: 'down', to: 'up' },
  { at: m(240), from: 'up', to: 'maintenance' },
  { at: m(300), from: 'maintenance', to: 'up' },
  { at: m(360), from: 'up', to: 'paused' },
  { at: m(420), from: 'paused', to: 'up' },
  { at: m(540), from: 'up', to: 'degraded' },
  { at: m(560), from: 'degraded', to: 'up' },
];
const GAP = { from: m(480), to: m(495) };

function stateAt(at: number): MonitorState {
  let state: MonitorState = 'pending';
  for (const f of TIMELINE) if (f.at <= at) state = f.to;
  return state;
}

describeEachDialect('getUptime', (dialect) => {
  let t: TestRuntime;
  let ctx: Ctx;
  let id: string;
  const clock = new ManualClock(T0);

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    const admin = await createAdmin({ services: servicesOf(t.runtime), actor: cliActor(), input: { email: 'owner@uptime.example.com', password: 'long enough password', orgSlug: 'uptime' } });
    ctx = serviceCtx(servicesOf(t.runtime), admin.org.id, cliActor());
    id = (await createMonitor({ ctx, probes: createDefaultProbeRegistry(), input: { name: 'api', type: 'tcp', settings: { host: '127.0.0.1', port: 9 }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } })).id;
    await insertFlips(t.runtime.db, ctx.orgId, id, TIMELINE);
    await insertGap(t.runtime.db, ctx.orgId, id, GAP.from, GAP.to, 15);
    // One check a minute while the monitor was active and Custos was running.
    const rows: CheckResultsTable[] = [];
    for (let at = T0; at < m(600); at += MINUTE) {
      const state = stateAt(at);
      if (state === 'paused' || state === 'maintenance' || (at >= GAP.from && at < GAP.to)) continue;
      rows.push(result(ctx.orgId, id, at, state === 'pending' ? 'up' : state, state === 'down' ? 5000 : 100 + ((at / MINUTE) % 7) * 10));
    }
    await insertResults(t.runtime.db, rows);
    clock.set(m(600));
  });
  afterAll(() => t.close());

  const uptime = (from: number, to: number) => getUptime({ ctx, id, input: { from: iso(from), to: iso(to) } });

  const FULL = {
    from: iso(T0),
    to: iso(m(600)),
    upMs: 405 * MINUTE,
    degradedMs: 20 * MINUTE,
    downMs: 30 * MINUTE,
    maintenanceMs: 60 * MINUTE,
    pausedMs: 60 * MINUTE,
    noDataMs: 25 * MINUTE,
    uptime: 425 / 455,
    degradedRatio: 20 / 455,
    checks: { expected: 480, executed: 465, missed: 15 },
  };

  it('gives exact durations over a timeline with maintenance, a pause and a coverage gap', async () => {
    const u = await uptime(T0, m(600));
    expect(u).toMatchObject(FULL);
    expect(u.gaps).toEqual([expect.objectContaining({ from: iso(GAP.from), to: iso(GAP.to), durationMs: 15 * MINUTE, missedChecks: 15, cause: 'process_down' })]);
  });

  it('takes the state in force at a window start from the last flip before it', async () => {
    expect(await uptime(m(135), m(180))).toMatchObject({ downMs: 15 * MINUTE, upMs: 30 * MINUTE, noDataMs: 0, uptime: 2 / 3, checks: { expected: 45, executed: 45, missed: 0 } });
    expect(await uptime(m(470), m(490))).toMatchObject({ upMs: 10 * MINUTE, noDataMs: 10 * MINUTE, uptime: 1, checks: { expected: 20, executed: 10, missed: 10 } });
    expect(await uptime(m(380), m(400))).toMatchObject({ pausedMs: 20 * MINUTE, upMs: 0, uptime: null, checks: { expected: 0, executed: 0, missed: 0 } });
  });

  it('reports a window before creation as all no data, and the part before creation of a straddling one', async () => {
    expect(await uptime(T0 - 2 * HOUR, T0 - HOUR)).toMatchObject({ noDataMs: HOUR, upMs: 0, downMs: 0, pausedMs: 0, maintenanceMs: 0, uptime: null, checks: { expected: 0, executed: 0 } });
    expect(await uptime(T0 - HOUR, m(30))).toMatchObject({ noDataMs: 70 * MINUTE, upMs: 20 * MINUTE, uptime: 1 });
  });

  it('clamps the end to now and accepts a named window', async () => {
    const u = await getUptime({ ctx, id, input: { window: '24h' } });
    expect(u.to).toBe(iso(m(600)));
    expect(u.noDataMs).toBe(14 * HOUR + 25 * MINUTE);
    expect(u.upMs).toBe(FULL.upMs);
  });

  it('gives the same numbers from rollups once the raw results are gone', async () => {
    const services = servicesOf(t.runtime);
    for (let h = T0; h < m(600); h += HOUR) expect((await computeRollups({ services, period: 'hour', startAt: h })).failed).toEqual([]);
    expect((await computeRollups({ services, period: 'day', startAt: T0 })).failed).toEqual([]);
    expect(await uptime(T0, m(600))).toMatchObject(FULL);
    clock.set(T0 + 100 * 24 * HOUR);
    const swept = await applyRetention({ services, options: { backfill: false } });
    expect(swept.deletedResults).toBe(465);
    expect(await uptime(T0, m(600))).toMatchObject(FULL);
    clock.set(m(600));
  });

  it('counts a pause made through the API as paused time', async () => {
    clock.set(m(600));
    await setMonitorPaused({ ctx, id, paused: true });
    clock.set(m(630));
    expect(await uptime(m(590), m(630))).toMatchObject({ upMs: 10 * MINUTE, pausedMs: 30 * MINUTE });
  });
});
