import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { createOrgWithOwner, createTokenFor, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('monitors API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let admin: TestToken;
  let viewer: TestToken;
  let responder: TestToken;
  let otherAdmin: TestToken;
  let target: http.Server;
  let targetUrl: string;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false });
    await createOrgWithOwner(t.runtime, 'mon-a');
    await createOrgWithOwner(t.runtime, 'mon-b', { email: 'owner@mon-a.example.com' });
    admin = await createTokenFor(t.runtime, 'mon-a', 'admin');
    viewer = await createTokenFor(t.runtime, 'mon-a', 'viewer');
    responder = await createTokenFor(t.runtime, 'mon-a', 'responder');
    otherAdmin = await createTokenFor(t.runtime, 'mon-b', 'admin');
    target = http.createServer((req, res) => res.writeHead(req.url === '/fail' ? 500 : 200).end('ok'));
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    target.close();
    await app.close();
    await t.close();
  });

  const create = (body: Record<string, unknown>, token = admin) => app.inject({ method: 'POST', url: '/api/v1/monitors', headers: token.headers, payload: body });
  const names = async (query: string) => (await app.inject({ method: 'GET', url: `/api/v1/monitors?${query}`, headers: admin.headers })).json().data.map((m: { name: string }) => m.name);

  it('creates a monitor with defaults and the read-only state pending', async () => {
    const res = await create({ name: 'API', type: 'http', settings: { url: `${targetUrl}/health` }, labels: { env: 'prod', team: 'core' } });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ name: 'API', type: 'http', interval: 60, confirmDown: 2, confirmUp: 1, state: 'pending', paused: false, labels: { env: 'prod' } });
    expect(m.settings.url).toBe(`${targetUrl}/health`);
    expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the invalid field', async () => {
    const bad = await create({ name: 'x', type: 'http', settings: { url: 'not-a-url' }, interval: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('interval');
    const badSettings = await create({ name: 'x', type: 'http', settings: { url: 'not-a-url' } });
    expect(badSettings.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['settings.url']);
    const badType = await create({ name: 'x', type: 'gopher', settings: {} });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.details.issues[0].path).toBe('type');
  });

  it('lets a viewer read but not write', async () => {
    expect((await create({ name: 'v', type: 'tcp', settings: { host: '127.0.0.1', port: 1 } }, viewer)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/monitors', headers: viewer.headers })).statusCode).toBe(200);
  });

  it('filters by label, type, state and search, and paginates by cursor', async () => {
    for (let i = 0; i < 5; i++) await create({ name: `tcp-${i}`, type: 'tcp', settings: { host: '127.0.0.1', port: 1 }, labels: { env: i % 2 ? 'prod' : 'staging' } });
    const prodTcp = await app.inject({ method: 'GET', url: '/api/v1/monitors?type=tcp&label=env=prod', headers: admin.headers });
    expect(prodTcp.json().data.map((m: { name: string }) => m.name)).toEqual(['tcp-1', 'tcp-3']);
    const search = await app.inject({ method: 'GET', url: '/api/v1/monitors?search=tcp-4', headers: admin.headers });
    expect(search.json().data).toHaveLength(1);
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/monitors?type=tcp&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { data: { name: string }[]; nextCursor: string | null } = (await app.inject({ method: 'GET', url, headers: admin.headers })).json();
      names.push(...page.data.map((m) => m.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['tcp-0', 'tcp-1', 'tcp-2', 'tcp-3', 'tcp-4']);
    const pending = await app.inject({ method: 'GET', url: '/api/v1/monitors?state=paused', headers: admin.headers });
    expect(pending.json().data).toEqual([]);
  });

  it('searches names and labels literally: % and _ match only themselves', async () => {
    await create({ name: 'disk 100%_full', type: 'dns', settings: { name: 'example.com' }, labels: { team: 'a_b' } });
    expect(await names(`search=${encodeURIComponent('%_')}`)).toEqual(['disk 100%_full']);
    expect(await names('search=_')).toEqual(['disk 100%_full']);
    expect(await names(`label=${encodeURIComponent('team=a_b')}`)).toEqual(['disk 100%_full']);
    expect(await names(`label=${encodeURIComponent('team=a%')}`)).toEqual([]);
  });

  it('pages through monitors of the same name by id, each once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create({ name: 'same-name', type: 'dns', settings: { name: 'example.com' } })).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/monitors?search=same-name&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { data: { id: string }[]; nextCursor: string | null } = (await app.inject({ method: 'GET', url, headers: admin.headers })).json();
      seen.push(...page.data.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids.toSorted());
  });

  it('updates, pauses and resumes, recording each in the audit chain', async () => {
    const m = (await create({ name: 'to-update', type: 'tcp', settings: { host: '127.0.0.1', port: 1 } })).json();
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/monitors/${m.id}`, headers: admin.headers, payload: { name: 'updated', interval: 30 } });
    expect(patched.json()).toMatchObject({ name: 'updated', interval: 30, retryInterval: 10 });
    const paused = await app.inject({ method: 'POST', url: `/api/v1/monitors/${m.id}/pause`, headers: admin.headers });
    expect(paused.json()).toMatchObject({ state: 'paused', paused: true, nextDueAt: null });
    const resumed = await app.inject({ method: 'POST', url: `/api/v1/monitors/${m.id}/resume`, headers: admin.headers });
    expect(resumed.json()).toMatchObject({ state: 'pending', paused: false });
    const events = await app.inject({ method: 'GET', url: `/api/v1/audit/events?subject=monitor:${m.id}`, headers: admin.headers });
    expect(events.json().data.map((e: { action: string }) => e.action)).toEqual(['monitor.resume', 'monitor.pause', 'monitor.update', 'monitor.create']);
    const update = events.json().data[2];
    expect(update.data.before.name).toBe('to-update');
    expect(update.data.after.name).toBe('updated');
  });

  it('answers 404 for another organization and after delete', async () => {
    const m = (await create({ name: 'mine', type: 'tcp', settings: { host: '127.0.0.1', port: 1 } })).json();
    for (const [method, url] of [['GET', `/api/v1/monitors/${m.id}`], ['DELETE', `/api/v1/monitors/${m.id}`], ['POST', `/api/v1/monitors/${m.id}/pause`]] as const) {
      const res = await app.inject({ method, url, headers: otherAdmin.headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('MONITOR_NOT_FOUND');
    }
    const list = await app.inject({ method: 'GET', url: '/api/v1/monitors', headers: otherAdmin.headers });
    expect(list.json().data).toEqual([]);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/monitors/${m.id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/v1/monitors/${m.id}`, headers: admin.headers })).statusCode).toBe(404);
  });

  it('runs a test check without storing anything', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/v1/monitors?limit=1000', headers: admin.headers })).json().data.length;
    const ok = await app.inject({ method: 'POST', url: '/api/v1/monitors/test', headers: responder.headers, payload: { type: 'http', settings: { url: `${targetUrl}/` } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: 'up' });
    expect(ok.json().timings.totalMs).toBeGreaterThanOrEqual(0);
    const failing = await app.inject({ method: 'POST', url: '/api/v1/monitors/test', headers: responder.headers, payload: { type: 'http', settings: { url: `${targetUrl}/fail` } } });
    expect(failing.json()).toMatchObject({ outcome: 'down', errorCode: 'STATUS_MISMATCH' });
    const after = (await app.inject({ method: 'GET', url: '/api/v1/monitors?limit=1000', headers: admin.headers })).json().data.length;
    expect(after).toBe(before);
  });
});
