import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { createAdmin, createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { getUptime, type UptimeSummary, type WindowUptime } from '../src/modules/monitors/index.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { DAY, HOUR, ManualClock, MINUTE } from '../src/platform/clock.ts';
import { cliActor, serviceCtx, type Ctx } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { insertFlips, insertGap, insertMonitors, monitorRow, type FlipSpec } from './history-fixtures.ts';

const NOW = Date.parse('2026-05-01T12:30:00Z');
const N = 2_000;
const isNew = (i: number) => i % 4 === 3;
const downMin = (i: number) => (i % 50) + 1;
const hasMaintenance = (i: number) => i % 10 === 0;
const hasGap = (i: number) => i % 100 === 0;
const degradedLastHour = (i: number) => i % 9 === 0;

function flipsOf(i: number, created: number): FlipSpec[] {
  const flips: FlipSpec[] = [{ at: created + MINUTE, from: 'pending', to: 'up' }];
  if (!isNew(i) && i % 7 === 0) flips.push({ at: NOW - 38 * DAY, from: 'up', to: 'down' }, { at: NOW - 35 * DAY, from: 'down', to: 'up' });
  if (!isNew(i) && hasMaintenance(i)) flips.push({ at: NOW - 3 * DAY, from: 'up', to: 'maintenance' }, { at: NOW - 3 * DAY + HOUR, from: 'maintenance', to: 'up' });
  flips.push({ at: NOW - 6 * HOUR, from: 'up', to: 'down' }, { at: NOW - 6 * HOUR + downMin(i) * MINUTE, from: 'down', to: 'up' });
  if (degradedLastHour(i)) flips.push({ at: NOW - HOUR, from: 'up', to: 'degraded' });
  return flips;
}

/** The answer worked out by hand from the timeline above. */
function expected(i: number, windowMs: number): WindowUptime {
  const gap = hasGap(i) ? 10 * MINUTE : 0;
  const downMs = downMin(i) * MINUTE;
  const degradedMs = degradedLastHour(i) ? HOUR : 0;
  const maintenanceMs = !isNew(i) && hasMaintenance(i) && windowMs > 3 * DAY ? HOUR : 0;
  const existed = isNew(i) ? 12 * HOUR : windowMs;
  const pending = isNew(i) ? MINUTE : 0;
  const noDataMs = windowMs - existed + pending + gap;
  const upMs = existed - pending - downMs - degradedMs - maintenanceMs - gap;
  const measured = upMs + degradedMs + downMs;
  return { uptime: (upMs + degradedMs) / measured, degradedRatio: degradedMs / measured, upMs, degradedMs, downMs, maintenanceMs, pausedMs: 0, noDataMs };
}

describeEachDialect('POST /uptime/summary', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctx: Ctx;
  let token: string;
  const ids: string[] = [];
  let foreignId: string;
  const hourEnd = Math.floor(NOW / HOUR) * HOUR;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock: new ManualClock(NOW) });
    app = await buildApp(t.runtime, { runsJobs: false });
    const services = servicesOf(t.runtime);
    const admin = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@summary.example.com', password: 'long enough password', orgSlug: 'summary' } });
    ctx = serviceCtx(services, admin.org.id, cliActor());
    token = (await createApiToken({ ctx, input: { name: 'viewer', role: 'viewer' } })).token;
    const rows = Array.from({ length: N }, (_, i) => monitorRow(ctx.orgId, isNew(i) ? NOW - 12 * HOUR : NOW - 40 * DAY, { state: degradedLastHour(i) ? 'degraded' : 'up' }));
    await insertMonitors(t.runtime.db, rows);
    for (const [i, row] of rows.entries()) {
      ids.push(row.id);
      await insertFlips(t.runtime.db, ctx.orgId, row.id, flipsOf(i, Number(row.created_at)));
      if (hasGap(i)) await insertGap(t.runtime.db, ctx.orgId, row.id, NOW - 2 * HOUR, NOW - 2 * HOUR + 10 * MINUTE, 10);
    }
    // Hourly averages for the first 50 monitors over the last 24 complete hours, hour 5 missing.
    const rollups = ids.slice(0, 50).flatMap((id, i) =>
      Array.from({ length: 24 }, (_, h) => h)
        .filter((h) => h !== 5)
        .map((h) => ({ org_id: ctx.orgId, monitor_id: id, period: 'hour', start_at: hourEnd - (24 - h) * HOUR, expected: 60, executed: 60, up: 60, degraded: 0, down: 0, latency_p50: 1, latency_p95: 2, latency_p99: 3, latency_avg: i + h + 0.5, up_ms: HOUR, degraded_ms: 0, down_ms: 0, maintenance_ms: 0, nodata_ms: 0 })),
    );
    for (let k = 0; k < rollups.length; k += 200) await t.runtime.db.withTables<MonitorTables>().insertInto('monitor_rollups').values(rollups.slice(k, k + 200)).execute();
    const other = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@elsewhere.example.com', password: 'long enough password', orgSlug: 'elsewhere' } });
    const foreign = monitorRow(other.org.id, NOW - DAY);
    foreignId = foreign.id;
    await insertMonitors(t.runtime.db, [foreign]);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const summary = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/uptime/summary', headers: { authorization: `Bearer ${token}` }, payload: body });

  it('answers exact uptime for 2,000 monitors over two windows, with sparklines', async () => {
    const res = await summary({ monitorIds: [...ids, foreignId, 'no-such-monitor'], windows: ['24h', '30d'], sparkline: true });
    expect(res.statusCode).toBe(200);
    const body: UptimeSummary = res.json();
    expect(body.asOf).toBe(new Date(NOW).toISOString());
    expect(body.notFound).toEqual([foreignId, 'no-such-monitor']);
    expect(body.data).toHaveLength(N);
    const mismatches: string[] = [];
    for (const [i, item] of body.data.entries()) {
      expect(item.monitorId).toBe(ids[i]);
      for (const [name, ms] of [['24h', DAY], ['30d', 30 * DAY]] as const) {
        const want = expected(i, ms);
        const got = item.windows[name];
        for (const key of Object.keys(want) as (keyof WindowUptime)[]) {
          const ok = typeof want[key] === 'number' ? Math.abs((got[key] as number) - (want[key] as number)) < 1e-12 : got[key] === want[key];
          if (!ok) mismatches.push(`monitor ${i} ${name} ${key}: ${got[key]} != ${want[key]}`);
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(body.data[3].sparkline).toEqual(Array.from({ length: 24 }, (_, h) => (h === 5 ? null : 3 + h + 0.5)));
    expect(body.data[60].sparkline).toEqual(Array.from({ length: 24 }, () => null));
  });

  it('agrees with the per-monitor uptime endpoint', async () => {
    const sample = [0, 3, 7, 9, 10, 99, 100, 700, 1999];
    const body: UptimeSummary = (await summary({ monitorIds: sample.map((i) => ids[i]), windows: ['7d'] })).json();
    for (const [k, i] of sample.entries()) {
      const { uptime, degradedRatio, upMs, degradedMs, downMs, maintenanceMs, pausedMs, noDataMs } = await getUptime({ ctx, id: ids[i], input: { window: '7d' } });
      expect(body.data[k].windows['7d']).toEqual({ uptime, degradedRatio, upMs, degradedMs, downMs, maintenanceMs, pausedMs, noDataMs });
      expect(body.data[k].sparkline).toBeUndefined();
    }
  });

  it('rejects more than 10,000 ids and an unknown window, naming the field', async () => {
    const tooMany = await summary({ monitorIds: Array.from({ length: 10_001 }, (_, i) => `m${i}`) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.issues[0].path).toBe('monitorIds');
    const badWindow = await summary({ monitorIds: [ids[0]], windows: ['2h'] });
    expect(badWindow.json().error.details.issues[0].path).toBe('windows.0');
  });
});
