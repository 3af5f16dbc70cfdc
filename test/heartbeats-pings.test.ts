import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { ManualClock, SECOND } from '../src/platform/clock.ts';
import { createOrgWithOwner, createTokenFor, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createHeartbeat, flipJobs } from './helpers/heartbeats.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const CURL = ['/usr/bin/curl', '/bin/curl'].find((p) => existsSync(p));

describeEachDialect('Healthchecks client replay over HTTP', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let base: string;
  let admin: TestToken;
  let otherAdmin: TestToken;
  const clock = new ManualClock('2026-06-01T10:00:00Z');

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await createOrgWithOwner(t.runtime, 'hc-a');
    await createOrgWithOwner(t.runtime, 'hc-b', { email: 'owner@hc-a.example.com' });
    admin = await createTokenFor(t.runtime, 'hc-a', 'admin');
    otherAdmin = await createTokenFor(t.runtime, 'hc-b', 'admin');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  /** What `curl -fsS` (GET) or `curl --data-raw` (POST) sends; a second passes before each, so pings sort by time. */
  async function curl(path: string, options: { method?: string; body?: string | Uint8Array<ArrayBuffer> } = {}) {
    clock.advance(SECOND);
    const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
    const headers: Record<string, string> = { 'user-agent': 'curl/8.5.0', accept: '*/*' };
    if (options.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(`${base}${path}`, { method, headers, body: options.body });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }
  const heartbeat = async (path: string) => (await app.inject({ method: 'GET', url: `/api/v1/heartbeats/${path}`, headers: admin.headers })).json();
  const monitor = async (id: string) => (await app.inject({ method: 'GET', url: `/api/v1/monitors/${id}`, headers: admin.headers })).json();

  it('records start → success with a run id and the duration of the run', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600, grace: 300 });
    const rid = randomUUID();
    const start = await curl(`${hb.ping}/start?rid=${rid}`);
    const startedAt = clock.now();
    expect(start).toMatchObject({ status: 200, text: 'OK' });
    expect(start.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await monitor(hb.id)).state).toBe('pending');
    clock.advance(42 * SECOND);
    expect(await curl(`${hb.ping}?rid=${rid}`)).toMatchObject({ status: 200, text: 'OK' });
    const duration = clock.now() - startedAt;
    expect(duration).toBe(43_000);
    const got = await heartbeat(hb.id);
    expect(got.lastPings.map((p: { kind: string; rid: string; durationMs: number | null }) => [p.kind, p.rid, p.durationMs])).toEqual([
      ['success', rid, duration],
      ['start', rid, null],
    ]);
    expect(got.runs[0]).toMatchObject({ rid, durationMs: duration, outcome: 'success', startedAt: new Date(startedAt).toISOString(), finishedAt: new Date(clock.now()).toISOString() });
    expect(got.nextExpectedAt).toBe(new Date(clock.now() + 3600 * SECOND).toISOString());
    expect(await monitor(hb.id)).toMatchObject({ state: 'up', lastOutcome: 'up', lastLatencyMs: duration });
  });

  it('records start → fail as a failed run, a flip to down and a monitor.flip job', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600, grace: 300 });
    await curl(hb.ping);
    await curl(`${hb.ping}/start`);
    clock.advance(5 * SECOND);
    expect(await curl(`${hb.ping}/fail`)).toMatchObject({ status: 200, text: 'OK' });
    expect((await heartbeat(hb.id)).runs[0]).toMatchObject({ outcome: 'fail', durationMs: 6000 });
    expect(await monitor(hb.id)).toMatchObject({ state: 'down', stateReason: { kind: 'fail', errorCode: 'HEARTBEAT_FAILED' } });
    const jobs = await flipJobs(t.runtime, hb.id);
    expect(jobs.map((j) => [j.payload.from, j.payload.to])).toEqual([
      ['pending', 'up'],
      ['up', 'down'],
    ]);
    expect(jobs[1].idempotencyKey).toBe(`flip:${jobs[1].payload.flipId}`);
    expect(jobs[1].payload).toMatchObject({ orgId: expect.any(String), monitorId: hb.id, at: clock.now(), reason: { errorCode: 'HEARTBEAT_FAILED' } });
  });

  it('reads exit statuses: 0 is success, 3 is a failure, 256 and words are 400', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600 });
    expect((await curl(`${hb.ping}/0`)).status).toBe(200);
    expect((await monitor(hb.id)).state).toBe('up');
    expect((await curl(`${hb.ping}/3`)).status).toBe(200);
    expect(await monitor(hb.id)).toMatchObject({ state: 'down', stateReason: { exitStatus: 3 } });
    expect((await heartbeat(hb.id)).lastPings[0]).toMatchObject({ kind: 'fail', exitStatus: 3 });
    expect(await curl(`${hb.ping}/256`)).toMatchObject({ status: 400, text: 'invalid url format' });
    expect((await curl(`${hb.ping}/oops`)).status).toBe(400);
    expect((await heartbeat(hb.id)).lastPings).toHaveLength(2);
  });

  it('stores the body as the log, announces the limit and truncates to it', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600, bodyLimit: 100 });
    const log = await curl(`${hb.ping}/log`, { body: 'rsync: 42 files transferred' });
    expect(log.status).toBe(200);
    expect(log.headers.get('ping-body-limit')).toBe('100');
    const long = `${'a'.repeat(99)}Ω${'b'.repeat(150)}`;
    await curl(hb.ping, { body: long });
    const pings = (await heartbeat(hb.id)).lastPings;
    expect(pings[1]).toMatchObject({ kind: 'log', body: 'rsync: 42 files transferred', truncated: false, method: 'POST', userAgent: 'curl/8.5.0' });
    expect(pings[0]).toMatchObject({ kind: 'success', bodyBytes: Buffer.byteLength(long), truncated: true });
    expect(pings[0].body).toBe('a'.repeat(99));
    expect((await curl(`/ping/${randomUUID()}`)).headers.get('ping-body-limit')).toBe('10000');
  });

  it('truncates an oversized body to the default 10,000 bytes and stores the ping once', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600 });
    const res = await curl(hb.ping, { body: new Uint8Array(200_000).fill(0x78) });
    expect(res).toMatchObject({ status: 200, text: 'OK' });
    const pings = (await heartbeat(hb.id)).lastPings;
    expect(pings).toHaveLength(1);
    expect(pings[0]).toMatchObject({ bodyBytes: 200_000, truncated: true });
    expect(pings[0].body).toHaveLength(10_000);
  });

  it('answers 404 once the heartbeat is deleted', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600 });
    expect((await curl(hb.ping)).status).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/monitors/${hb.id}`, headers: admin.headers })).statusCode).toBe(204);
    expect(await curl(hb.ping)).toMatchObject({ status: 404, text: 'not found' });
    expect((await curl(hb.push)).status).toBe(404);
  });

  it('answers HEAD pings and 404 for an unknown uuid', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600 });
    expect((await curl(hb.ping, { method: 'HEAD' })).status).toBe(200);
    expect((await monitor(hb.id)).state).toBe('up');
    expect(await curl(`/ping/${randomUUID()}`)).toMatchObject({ status: 404, text: 'not found' });
    expect(await curl(`/ping/${randomUUID()}/start`)).toMatchObject({ status: 404, text: 'not found' });
  });

  it('creates a heartbeat on the first slug ping with ?create=1 (201), then answers 200', async () => {
    const key = await app.inject({ method: 'POST', url: '/api/v1/heartbeats/ping-key', headers: admin.headers });
    expect(key.statusCode).toBe(201);
    const pingKey = key.json().pingKey as string;
    expect(await curl(`/ping/${pingKey}/nightly-db`)).toMatchObject({ status: 404, text: 'not found' });
    const first = await Promise.all([curl(`/ping/${pingKey}/nightly-db?create=1`), curl(`/ping/${pingKey}/nightly-db?create=1`)]);
    expect(first.map((r) => r.status).toSorted()).toEqual([200, 201]);
    expect(first.find((r) => r.status === 201)?.text).toBe('Created');
    expect((await curl(`/ping/${pingKey}/nightly-db/start`)).status).toBe(200);
    expect((await curl(`/ping/${pingKey}/nightly-db?create=1`)).status).toBe(200);
    const list = await app.inject({ method: 'GET', url: '/api/v1/monitors?type=heartbeat&search=nightly-db', headers: admin.headers });
    expect(list.json().data).toHaveLength(1);
    expect(list.json().data[0]).toMatchObject({ name: 'nightly-db', state: 'up', settings: { slug: 'nightly-db', period: 86_400, grace: 3_600 } });
    const hb = await heartbeat(list.json().data[0].id);
    expect(hb.slugUrl).toMatch(/\/ping\/\{ping-key\}\/nightly-db$/);
    expect(hb.lastPings.map((p: { source: string }) => p.source)).toEqual(['slug', 'slug', 'slug', 'slug']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/heartbeats/ping-key', headers: admin.headers })).json()).toMatchObject({ configured: true, prefix: pingKey.slice(0, 6) });
    const audit = await app.inject({ method: 'GET', url: '/api/v1/audit/events?action=heartbeat_ping_key.rotate', headers: admin.headers });
    expect(audit.json().data.length).toBeGreaterThan(0);
    expect(audit.body).not.toContain(pingKey);
    expect((await curl(`/ping/${'z'.repeat(22)}/nightly-db?create=1`)).status).toBe(404);
  });

  it('answers 409 for a slug two heartbeats share, and 400 for a malformed slug', async () => {
    const pingKey = (await app.inject({ method: 'POST', url: '/api/v1/heartbeats/ping-key', headers: admin.headers })).json().pingKey as string;
    await createHeartbeat(app, admin.headers, { period: 3600, slug: 'twin' });
    await app.inject({ method: 'POST', url: '/api/v1/monitors', headers: admin.headers, payload: { name: 'twin 2', type: 'heartbeat', settings: { slug: 'twin' } } });
    expect(await curl(`/ping/${pingKey}/twin`)).toMatchObject({ status: 409, text: 'ambiguous slug' });
    expect(await curl(`/ping/${pingKey}/Not_A_Slug!`)).toMatchObject({ status: 400, text: 'invalid url format' });
  });

  it('classifies plain pings by keyword filters; explicit verbs stay as sent', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600, filters: { success: ['completed'], failure: ['ERROR'], start: ['starting'] } });
    await curl(hb.ping, { body: 'backup completed in 3s' });
    expect((await monitor(hb.id)).state).toBe('up');
    await curl(hb.ping, { body: 'starting backup' });
    await curl(hb.ping, { body: 'error: disk full' });
    expect((await monitor(hb.id)).state).toBe('down');
    await curl(hb.ping, { body: 'nothing to see' });
    await curl(`${hb.ping}/fail`, { body: 'completed' });
    const kinds = (await heartbeat(hb.id)).lastPings.map((p: { kind: string }) => p.kind);
    expect(kinds).toEqual(['fail', 'ignored', 'fail', 'start', 'success']);
    expect((await monitor(hb.id)).state).toBe('down');
  });

  it('takes Uptime Kuma pushes: up with a latency, then down with its message', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 60, grace: 30 });
    const up = await curl(`${hb.push}?status=up&msg=OK&ping=12`);
    expect(up.status).toBe(200);
    expect(JSON.parse(up.text)).toEqual({ ok: true });
    expect(await monitor(hb.id)).toMatchObject({ state: 'up', lastLatencyMs: 12 });
    await curl(`${hb.push}?status=down&msg=queue%20stuck`);
    expect(await monitor(hb.id)).toMatchObject({ state: 'down', lastOutcome: 'down' });
    expect((await heartbeat(hb.id)).lastPings[0]).toMatchObject({ kind: 'fail', body: 'queue stuck', source: 'push' });
    const unknown = await curl('/api/push/NoSuchToken123');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ ok: false });
    const kept = await createHeartbeat(app, admin.headers, { period: 60, pushToken: 'KumaToken-0001' });
    expect(kept.push).toBe('/api/push/KumaToken-0001');
    expect((await curl('/api/push/KumaToken-0001?status=up&msg=OK&ping=')).status).toBe(200);
  });

  it('answers 404 for another organization’s heartbeat and for a monitor that is not a heartbeat', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600 });
    const foreign = await app.inject({ method: 'GET', url: `/api/v1/heartbeats/${hb.id}`, headers: otherAdmin.headers });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('HEARTBEAT_NOT_FOUND');
    const tcp = await app.inject({ method: 'POST', url: '/api/v1/monitors', headers: admin.headers, payload: { name: 'tcp', type: 'tcp', settings: { host: '127.0.0.1', port: 9 } } });
    expect((await app.inject({ method: 'GET', url: `/api/v1/heartbeats/${tcp.json().id}`, headers: admin.headers })).json().error.code).toBe('HEARTBEAT_NOT_FOUND');
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/heartbeats', headers: otherAdmin.headers })).json();
    expect(listed.data.map((h: { monitorId: string }) => h.monitorId)).not.toContain(hb.id);
  });

  it('gives a heartbeat monitor object its pingUrl everywhere the monitors API answers it', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/monitors', headers: admin.headers, payload: { name: 'nightly', type: 'heartbeat', settings: { period: 3600 } } });
    expect(created.statusCode).toBe(201);
    const pingUrl: string = created.json().pingUrl;
    expect(pingUrl).toMatch(/^http:\/\/[^/]+\/ping\/[0-9a-f-]{36}$/);
    expect((await monitor(created.json().id)).pingUrl).toBe(pingUrl);
    expect((await heartbeat(created.json().id)).pingUrl).toBe(pingUrl);
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/monitors?limit=500', headers: admin.headers })).json();
    expect(listed.data.find((m: { id: string }) => m.id === created.json().id).pingUrl).toBe(pingUrl);
    expect(listed.data.filter((m: { type: string }) => m.type !== 'heartbeat').every((m: { pingUrl?: string }) => m.pingUrl === undefined)).toBe(true);
    expect(await curl(new URL(pingUrl).pathname)).toMatchObject({ status: 200, text: 'OK' });
    expect((await monitor(created.json().id)).state).toBe('up');
  });

  it.skipIf(!CURL)('works with the crontab line Healthchecks documents, run by the real curl', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600 });
    const { stdout } = await promisify(execFile)(CURL!, ['-fsS', '-m', '10', '--retry', '5', '--data-raw', 'nightly backup: 12 GB', `${base}${hb.ping}`], { encoding: 'utf8' });
    expect(stdout).toBe('OK');
    expect((await heartbeat(hb.id)).lastPings[0]).toMatchObject({ kind: 'success', body: 'nightly backup: 12 GB' });
  });
});
