import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { createAdmin, createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { applyRetention, computeRollups, updateRetention } from '../src/modules/monitors/index.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { DAY, HOUR, ManualClock, MINUTE } from '../src/platform/clock.ts';
import { cliActor, serviceCtx, type Ctx, type Services } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { countRows, insertFlips, insertGap, insertMonitors, insertResults, monitorRow, result } from './history-fixtures.ts';

const NOW = Date.parse('2026-06-20T12:00:00Z');
const dayStart = (daysAgo: number) => Date.parse('2026-06-20T00:00:00Z') - daysAgo * DAY;

describeEachDialect('monitor retention', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let services: Services;
  let ctx: Ctx;
  let adminToken: string;
  let viewerToken: string;
  const clock = new ManualClock(NOW);
  const q = () => t.runtime.db.withTables<MonitorTables>();
  const resultDays = async (monitorId: string) =>
    [...new Set((await q().selectFrom('check_results').select('at').where('monitor_id', '=', monitorId).execute()).map((r) => Math.floor(Number(r.at) / DAY) * DAY))].sort();

  /** A monitor with 3 results an hour on each given day. */
  async function monitorWithResults(orgId: string, daysAgo: number[]): Promise<string> {
    const row = monitorRow(orgId, dayStart(400));
    await insertMonitors(t.runtime.db, [row]);
    const rows = daysAgo.flatMap((d) => Array.from({ length: 72 }, (_, i) => result(orgId, row.id, dayStart(d) + i * 20 * MINUTE, 'up', 50 + i)));
    await insertResults(t.runtime.db, rows);
    return row.id;
  }

  async function rollUpDay(start: number) {
    for (let h = start; h < start + DAY; h += HOUR) await computeRollups({ services, period: 'hour', startAt: h });
    await computeRollups({ services, period: 'day', startAt: start });
  }

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    services = servicesOf(t.runtime);
    app = await buildApp(t.runtime, { runsJobs: false });
    const admin = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@retention.example.com', password: 'long enough password', orgSlug: 'retention' } });
    ctx = serviceCtx(services, admin.org.id, cliActor());
    adminToken = (await createApiToken({ ctx, input: { name: 'admin', role: 'admin' } })).token;
    viewerToken = (await createApiToken({ ctx, input: { name: 'viewer', role: 'viewer' } })).token;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'PUT', token: string, payload?: unknown) =>
    app.inject({ method, url: '/api/v1/monitors/retention', headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  it('answers the defaults until an admin sets them, and audits the change', async () => {
    expect((await call('GET', viewerToken)).json()).toEqual({ rawDays: 90, historyDays: 3650, updatedAt: null });
    expect((await call('PUT', viewerToken, { rawDays: 30 })).statusCode).toBe(403);
    const bad = await call('PUT', adminToken, { rawDays: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('rawDays');
    expect((await call('PUT', adminToken, { rawDays: 400, historyDays: 365 })).json().error.code).toBe('VALIDATION_FAILED');
    const put = await call('PUT', adminToken, { rawDays: 30, historyDays: 400 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ rawDays: 30, historyDays: 400, updatedAt: new Date(NOW).toISOString() });
    expect((await call('GET', viewerToken)).json().rawDays).toBe(30);
    const events = await listAuditEvents({ ctx, input: { action: 'monitor_retention.update', limit: 10 } });
    expect(events.data.map((e) => e.data)).toEqual([{ before: { rawDays: 90, historyDays: 3650 }, after: { rawDays: 30, historyDays: 400 } }]);
  });

  it('deletes raw results past the retention only once their hour and day rollups exist', async () => {
    await updateRetention({ ctx, input: { rawDays: 7, historyDays: 400 } });
    const id = await monitorWithResults(ctx.orgId, [10, 9, 8, 6]);
    await rollUpDay(dayStart(10));
    // Day -9 has its hours but no day rollup; day -8 has nothing.
    for (let h = dayStart(9); h < dayStart(8); h += HOUR) await computeRollups({ services, period: 'hour', startAt: h });
    const other = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@keeps.example.com', password: 'long enough password', orgSlug: 'keeps' } });
    const kept = await monitorWithResults(other.org.id, [10]);
    await rollUpDay(dayStart(10));

    const first = await applyRetention({ services, options: { backfill: false } });
    expect(first.failed).toEqual([]);
    expect(first.deletedResults).toBe(72);
    expect(await resultDays(id)).toEqual([dayStart(9), dayStart(8), dayStart(6)]);
    expect(await resultDays(kept)).toEqual([dayStart(10)]);

    const second = await applyRetention({ services });
    expect(second.backfilledDays).toBe(2);
    expect(second.deletedResults).toBe(144);
    expect(await resultDays(id)).toEqual([dayStart(6)]);
    const day8 = await q().selectFrom('monitor_rollups').selectAll().where('monitor_id', '=', id).where('period', '=', 'day').where('start_at', '=', dayStart(8)).executeTakeFirstOrThrow();
    expect(day8).toMatchObject({ executed: 72, up: 72, latency_p50: 50 + 35 });
    expect(await resultDays(kept)).toEqual([dayStart(10)]);
    // Computing a period again after its raw rows are gone leaves its rollup alone.
    await rollUpDay(dayStart(8));
    expect(await q().selectFrom('monitor_rollups').selectAll().where('monitor_id', '=', id).where('period', '=', 'day').where('start_at', '=', dayStart(8)).executeTakeFirstOrThrow()).toEqual(day8);
  });

  it('keeps flips, gaps and rollups for the history retention and deletes them after', async () => {
    const id = await monitorWithResults(ctx.orgId, []);
    await insertFlips(t.runtime.db, ctx.orgId, id, [
      { at: dayStart(399), from: 'pending', to: 'up' },
      { at: dayStart(200), from: 'up', to: 'down' },
    ]);
    await insertGap(t.runtime.db, ctx.orgId, id, dayStart(399), dayStart(399) + HOUR, 60);
    await computeRollups({ services, period: 'day', startAt: dayStart(399) });
    await computeRollups({ services, period: 'day', startAt: dayStart(200) });
    clock.set(NOW + 2 * DAY);
    const summary = await applyRetention({ services });
    clock.set(NOW);
    // The flip, the gap and this organization's two rollups of day -399; the other organization keeps 10 years.
    expect(summary.deletedHistory).toBe(4);
    expect(await countRows(t.runtime.db, 'monitor_flips', id)).toBe(1);
    expect(await countRows(t.runtime.db, 'coverage_gaps', id)).toBe(0);
    expect(await countRows(t.runtime.db, 'monitor_rollups', id)).toBe(1);
    const others = await q().selectFrom('monitor_rollups').select('org_id').where('period', '=', 'day').where('start_at', '=', dayStart(399)).execute();
    expect(others.map((r) => r.org_id)).toEqual([expect.not.stringMatching(ctx.orgId)]);
  });

  it('deletes in bounded batches and says when more remains', async () => {
    const id = await monitorWithResults(ctx.orgId, [20]);
    await rollUpDay(dayStart(20));
    const summary = await applyRetention({ services, options: { batchSize: 10, maxBatches: 3 } });
    expect(summary).toMatchObject({ deletedResults: 30, more: true });
    expect(await countRows(t.runtime.db, 'check_results', id)).toBe(42);
    await applyRetention({ services, options: { batchSize: 10, maxBatches: 10 } });
    expect(await countRows(t.runtime.db, 'check_results', id)).toBe(0);
  });
});
