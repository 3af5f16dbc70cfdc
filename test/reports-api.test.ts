import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { createApiToken } from '../src/modules/auth/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { Ctx, Role } from '../src/platform/context.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { GAP, iso, m, seedHistory, T0, tcpMonitor, TIMELINE } from './reports-fixtures.ts';

const token = async (ctx: Ctx, role: Role) => ({ authorization: `Bearer ${(await createApiToken({ ctx, input: { name: role, role } })).token}` });

describeEachDialect('reports API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let auditor: { authorization: string };
  let viewer: { authorization: string };
  let other: { authorization: string };
  let api: string;
  const clock = new ManualClock(T0);
  const period = `from=${encodeURIComponent(iso(T0))}&to=${encodeURIComponent(iso(m(600)))}`;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    const { ctx } = await createOrgWithOwner(t.runtime, 'reports-api');
    const b = await createOrgWithOwner(t.runtime, 'reports-api-b', { email: 'owner@reports-api.example.com' });
    api = await tcpMonitor(ctx, 'api', { service: 'api', sla: '99.9' });
    await seedHistory(t.runtime.db, ctx, api, TIMELINE, GAP);
    auditor = await token(ctx, 'auditor');
    viewer = await token(ctx, 'viewer');
    other = await token(b.ctx, 'auditor');
    clock.set(m(600));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const get = (url: string, headers: { authorization: string }) => app.inject({ method: 'GET', url, headers });

  it('answers the report as JSON to a role that may read the audit log', async () => {
    const res = await get(`/api/v1/reports?${period}`, auditor);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ from: iso(T0), to: iso(m(600)), durationMs: m(600) - T0 });
    expect(body.uptime.monitors).toMatchObject([{ monitorId: api, uptime: 485 / 515, meetsSla: false }]);
    expect(body.incidents.source).toBe('incidents');
    expect((await get(`/api/v1/reports?${period}`, other)).json().uptime.monitors).toEqual([]);
  });

  it('refuses a viewer: the report lists access changes', async () => {
    const res = await get(`/api/v1/reports?${period}`, viewer);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await get('/api/v1/compliance/findings', viewer)).statusCode).toBe(403);
  });

  it('answers 400 naming the field for a reversed or too long period', async () => {
    const reversed = await get(`/api/v1/reports?from=${encodeURIComponent(iso(m(600)))}&to=${encodeURIComponent(iso(T0))}`, auditor);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({ code: 'REPORT_PERIOD_INVALID', details: { issues: [{ path: 'from' }] } });
    const long = await get('/api/v1/reports?from=2024-01-01&to=2026-03-02', auditor);
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toMatchObject({ code: 'REPORT_PERIOD_TOO_LONG', details: { issues: [{ path: 'to' }] } });
  });

  it('renders a self-contained printable HTML page with inline SVG charts', async () => {
    const res = await get(`/api/v1/reports/html?${period}`, auditor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<svg');
    expect(res.body).toContain('<h1>Custos report methodology</h1>');
    expect(res.body).not.toMatch(/<script|<link|src="http/);
  });

  it('renders CSV and the methodology', async () => {
    const csv = await get(`/api/v1/reports/csv?${period}`, auditor);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('section,subject,metric,value');
    expect(csv.body).toContain(`uptime.monitor,api,uptime,${485 / 515}`);
    const methodology = await get('/api/v1/reports/methodology', auditor);
    expect(methodology.body).toContain('## Uptime per monitor');
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/reports', '/api/v1/reports/html', '/api/v1/compliance/findings']));
    expect(doc.paths['/api/v1/reports'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to']);
  });

  it('answers the compliance findings', async () => {
    const res = await get('/api/v1/compliance/findings', auditor);
    expect(res.statusCode).toBe(200);
    expect(res.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['oncall-missing', 'uptime-below-sla', 'monitoring-gaps']));
  });
});
