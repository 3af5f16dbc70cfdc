import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { createAdmin, createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { computeRollups, createDefaultProbeRegistry, createMonitor, type CheckResult, type LatencySeries } from '../src/modules/monitors/index.ts';
import type { CheckResultsTable } from '../src/modules/monitors/schema.ts';
import { HOUR, ManualClock, MINUTE } from '../src/platform/clock.ts';
import { cliActor, serviceCtx, type Ctx } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { insertCertificate, insertFlips, insertGap, insertResults, result } from './history-fixtures.ts';

const T0 = Date.parse('2026-02-10T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const latencyAt = (k: number) => 20 + ((k * 37) % 101);
const key = (r: { at: string; outcome: string; latencyMs: number }) => `${r.at}|${r.outcome}|${r.latencyMs}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

describeEachDialect('monitor history API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctx: Ctx;
  let id: string;
  let viewer: string;
  let foreignAdmin: string;
  const clock = new ManualClock(T0);
  const rows: CheckResultsTable[] = [];

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    const services = servicesOf(t.runtime);
    const a = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@api-a.example.com', password: 'long enough password', orgSlug: 'api-a' } });
    const b = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@api-b.example.com', password: 'long enough password', orgSlug: 'api-b' } });
    ctx = serviceCtx(services, a.org.id, cliActor());
    viewer = (await createApiToken({ ctx, input: { name: 'viewer', role: 'viewer' } })).token;
    foreignAdmin = (await createApiToken({ ctx: serviceCtx(services, b.org.id, cliActor()), input: { name: 'admin', role: 'admin' } })).token;
    const input = { type: 'tcp', settings: { host: '127.0.0.1', port: 9 }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused: false };
    id = (await createMonitor({ ctx, probes: createDefaultProbeRegistry(), input: { name: 'db', ...input } })).id;
    const neighbour = (await createMonitor({ ctx, probes: createDefaultProbeRegistry(), input: { name: 'other', ...input } })).id;
    for (let k = 0; k < 200; k++) {
      const at = T0 + k * MINUTE;
      rows.push(result(ctx.orgId, id, at, k % 13 === 0 ? 'down' : 'up', latencyAt(k)));
      // Several results at the same instant (locations, a retry): pages must neither repeat nor skip them.
      if (k % 40 === 5) for (let j = 0; j < 3; j++) rows.push(result(ctx.orgId, id, at, 'degraded', 500 + j, { message: `location ${j}` }));
    }
    await insertResults(t.runtime.db, [...rows, result(ctx.orgId, neighbour, T0, 'up', 1)]);
    await insertFlips(t.runtime.db, ctx.orgId, id, [
      { at: T0 + MINUTE, from: 'pending', to: 'up' },
      { at: T0 + 30 * MINUTE, from: 'up', to: 'down', reason: { errorCode: 'CONNECTION_REFUSED', message: 'connect ECONNREFUSED' } },
      { at: T0 + 32 * MINUTE, from: 'down', to: 'up' },
    ]);
    await insertGap(t.runtime.db, ctx.orgId, id, T0 + 100 * MINUTE, T0 + 104 * MINUTE, 4, 'overload');
    await insertCertificate(t.runtime.db, ctx.orgId, id, 'aa11', T0 - 90 * 86_400_000, T0 - 86_400_000, T0 + 86_400_000);
    await insertCertificate(t.runtime.db, ctx.orgId, id, 'bb22', T0 - 86_400_000, T0, T0 + 90 * 86_400_000);
    clock.set(T0 + 4 * HOUR);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const get = (path: string, token = viewer) => app.inject({ method: 'GET', url: `/api/v1/monitors/${id}/${path}`, headers: { authorization: `Bearer ${token}` } });

  it('pages through raw results newest first without repeating or skipping ties', async () => {
    const seen: CheckResult[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`results?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body: { data: CheckResult[]; nextCursor: string | null } = res.json();
      seen.push(...body.data);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toHaveLength(rows.length);
    expect(seen.map(key).sort()).toEqual(rows.map((r) => key({ at: iso(Number(r.at)), outcome: r.outcome, latencyMs: r.latency_ms })).sort());
    const times = seen.map((r) => Date.parse(r.at));
    expect(times).toEqual(times.toSorted((x, y) => y - x));
  });

  it('filters results by outcome and range', async () => {
    const res = await get(`results?outcome=down&from=${iso(T0 + 10 * MINUTE)}&to=${T0 + 60 * MINUTE}&limit=1000`);
    expect(res.json().data.map((r: CheckResult) => r.at)).toEqual([52, 39, 26, 13].map((k) => iso(T0 + k * MINUTE)));
    expect(res.json().data[0]).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_REFUSED' });
  });

  it('lists flips with their reasons, gaps with their cause, and the certificate history', async () => {
    const flips = (await get('flips?limit=2')).json();
    expect(flips.data).toEqual([
      expect.objectContaining({ at: iso(T0 + 32 * MINUTE), from: 'down', to: 'up', reason: null }),
      expect.objectContaining({ at: iso(T0 + 30 * MINUTE), from: 'up', to: 'down', reason: { errorCode: 'CONNECTION_REFUSED', message: 'connect ECONNREFUSED' } }),
    ]);
    const rest = (await get(`flips?limit=2&cursor=${flips.nextCursor}`)).json();
    expect(rest).toEqual({ data: [expect.objectContaining({ from: 'pending', to: 'up' })], nextCursor: null });
    expect((await get('gaps')).json().data).toEqual([expect.objectContaining({ from: iso(T0 + 100 * MINUTE), durationMs: 4 * MINUTE, missedChecks: 4, cause: 'overload' })]);
    const certs = (await get('certificates')).json().data;
    expect(certs.map((c: { fingerprint: string; current: boolean }) => [c.fingerprint, c.current])).toEqual([['bb22', true], ['aa11', false]]);
    expect(certs[0]).toMatchObject({ subject: 'CN=example.com', keyType: 'EC P-256', notAfter: iso(T0 + 90 * 86_400_000), lastSeenAt: iso(T0) });
  });

  it('draws a latency series of successful checks from raw results, then from rollups', async () => {
    const raw: LatencySeries = (await get(`latency?from=${iso(T0)}&to=${iso(T0 + 4 * HOUR)}&step=15m`)).json();
    expect(raw).toMatchObject({ source: 'raw', step: 900, exact: true });
    expect(raw.points).toHaveLength(16);
    const second = rows.filter((r) => r.at >= T0 + 15 * MINUTE && r.at < T0 + 30 * MINUTE && r.outcome !== 'down').map((r) => r.latency_ms);
    expect(raw.points[1]).toEqual({ t: iso(T0 + 15 * MINUTE), count: second.length, p50: percentile(second, 50), p95: percentile(second, 95), p99: percentile(second, 99), avg: second.reduce((s, v) => s + v, 0) / second.length });
    expect(raw.points[15]).toEqual({ t: iso(T0 + 225 * MINUTE), count: 0, p50: null, p95: null, p99: null, avg: null });

    const services = servicesOf(t.runtime);
    for (let h = T0; h < T0 + 4 * HOUR; h += HOUR) await computeRollups({ services, period: 'hour', startAt: h });
    const hourly: LatencySeries = (await get(`latency?from=${iso(T0)}&to=${iso(T0 + 4 * HOUR)}&step=1h`)).json();
    expect(hourly).toMatchObject({ source: 'hour', step: 3600, exact: true });
    const ok = (h: number) => rows.filter((r) => r.at >= T0 + h * HOUR && r.at < T0 + (h + 1) * HOUR && r.outcome !== 'down').map((r) => r.latency_ms);
    expect(hourly.points[0]).toMatchObject({ count: ok(0).length, p50: percentile(ok(0), 50), p99: percentile(ok(0), 99) });
    expect(hourly.points.map((p) => p.count)).toEqual([0, 1, 2, 3].map((h) => ok(h).length));
    const twoHourly: LatencySeries = (await get(`latency?from=${iso(T0)}&to=${iso(T0 + 4 * HOUR)}&step=2h`)).json();
    expect(twoHourly).toMatchObject({ source: 'hour', exact: false });
    expect(twoHourly.points[0].count).toBe(hourly.points[0].count + hourly.points[1].count);
  });

  it('answers uptime for a named window', async () => {
    const res = await get('uptime?window=24h');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ monitorId: id, to: iso(T0 + 4 * HOUR), downMs: 2 * MINUTE, gaps: [expect.objectContaining({ cause: 'overload' })] });
  });

  it('answers 404 MONITOR_NOT_FOUND for another organization on every history route', async () => {
    for (const path of ['results', 'flips', 'gaps', 'certificates', 'uptime', 'latency']) {
      const res = await get(path, foreignAdmin);
      expect([path, res.statusCode, res.json().error.code]).toEqual([path, 404, 'MONITOR_NOT_FOUND']);
    }
  });

  it('documents the history routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/monitors/{id}/uptime'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'window', 'id']));
    expect(doc.paths['/api/v1/uptime/summary'].post.requestBody.content['application/json'].schema.required).toEqual(['monitorIds']);
    expect(Object.keys(doc.paths['/api/v1/monitors/retention'])).toEqual(expect.arrayContaining(['get', 'put']));
  });

  it('names the field of a bad query', async () => {
    const cases: [string, string][] = [
      ['uptime?from=yesterday', 'from'],
      ['uptime?window=24h&from=2026-01-01T00:00:00Z', 'window'],
      ['results?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      [`latency?from=${iso(T0 - 30 * 86_400_000)}&step=1m`, 'step'],
      ['latency?step=fast', 'step'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      expect([path, res.statusCode, res.json().error.details.issues[0].path]).toEqual([path, 400, field]);
    }
  });
});
