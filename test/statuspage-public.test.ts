import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule, createAdmin, createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { createDefaultProbeRegistry } from '../src/modules/monitors/index.ts';
import { createStatusPagesModule, MONITOR_STATE_TOPIC, type DailyUptime, type MonitorFacts } from '../src/modules/statuspages/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { cliActor, serviceCtx } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

/** Monitors as a test wants them; counts calls so cache hits can be told from refreshes. */
class FakeMonitors implements MonitorFacts {
  readonly known = new Map<string, { orgId: string; state: string; uptime: (number | null)[] }>();
  calls = 0;

  async states(orgId: string, ids: string[]) {
    this.calls++;
    return new Map(ids.flatMap((id) => (this.known.get(id)?.orgId === orgId ? [[id, { state: this.known.get(id)!.state, name: id }] as const] : [])));
  }

  async dailyUptime(orgId: string, ids: string[], days: number, now: number) {
    const out = new Map<string, DailyUptime[]>();
    const today = Math.floor(now / 86_400_000) * 86_400_000;
    for (const id of ids) {
      const values = this.known.get(id)?.uptime ?? [];
      out.set(
        id,
        Array.from({ length: days }, (_, i) => ({ day: new Date(today - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10), uptime: values[i - (days - values.length)] ?? null })),
      );
    }
    return out;
  }
}

const dbQueries = async (t: TestRuntime) => (await t.runtime.metrics.dbQueryDuration.get()).values.filter((v) => v.metricName?.endsWith('_count')).reduce((sum, v) => sum + v.value, 0);

describeEachDialect('public status pages', (dialect) => {
  const clock = new ManualClock('2026-11-22T12:00:00Z');
  const monitors = new FakeMonitors();
  let t: TestRuntime;
  let app: FastifyInstance;
  let admin: { authorization: string };
  let pageId: string;
  let componentId: string;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock, modules: [auditModule, authModule, createStatusPagesModule({ facts: () => monitors, cacheTtlMs: 5000, staleMs: 30_000 })] });
    app = await buildApp(t.runtime, { runsJobs: false });
    const services = servicesOf(t.runtime);
    const a = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@pub.example.com', password: 'long enough password', orgSlug: 'pub' } });
    const ctx = serviceCtx(services, a.org.id, cliActor());
    admin = { authorization: `Bearer ${(await createApiToken({ ctx, input: { name: 'admin', role: 'admin' } })).token}` };
    monitors.known.set('m-api', { orgId: a.org.id, state: 'up', uptime: [1, 0.995, 0.9] });
    monitors.known.set('m-db', { orgId: a.org.id, state: 'up', uptime: [] });
    const page = await call('POST', '/status-pages', { slug: 'acme', title: 'Acme <script>alert(1)</script>', customDomain: 'status.acme.test' });
    pageId = page.json().id;
    componentId = (await call('POST', `/status-pages/${pageId}/components`, { name: 'API <img src=x onerror=alert(1)>', monitorIds: ['m-api', 'm-db'] })).json().id;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  async function call(method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) {
    const res = await app.inject({ method, url: `/api/v1${url}`, headers: admin, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  }
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const post = (password: string, url = '/status/acme', host?: string) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', ...(host ? { host } : {}) }, payload: `password=${encodeURIComponent(password)}` });

  it('answers 404 until the page is published, then shows it', async () => {
    const hidden = await get('/status/acme');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toMatch(/text\/html/);
    expect((await get('/status/acme/status.json')).json().error.code).toBe('STATUS_PAGE_NOT_FOUND');
    expect((await get('/status/nothing-here')).statusCode).toBe(404);
    await call('PATCH', `/status-pages/${pageId}`, { published: true });
    const shown = await get('/status/acme');
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['cache-control']).toBe('public, max-age=10');
    expect(shown.body).toContain('All systems operational');
    expect(shown.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' });
    expect(shown.headers['content-security-policy']).toMatch(/default-src 'none'/);
    const json = await get('/status/acme/status.json');
    expect(json.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' });
  });

  it('renders components, bars and user text escaped', async () => {
    const html = (await get('/status/acme')).body;
    expect(html).not.toMatch(/<script>|<img src=x/);
    expect(html).toContain('<h1>Acme &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<span class=name>API &lt;img src=x onerror=alert(1)&gt;</span><span class="st st-up">Operational</span>');
    expect(html).toMatch(/<span class=major title="22 Nov 2026: 90.00%"><\/span><\/div>/);
    expect(html.match(/<span class=(none|ok|minor|partial|major) title=/g)).toHaveLength(90);
  });

  it('serves the page at / of its custom domain, and only there', async () => {
    const viaDomain = await get('/', { host: 'Status.Acme.Test:8443' });
    expect(viaDomain.statusCode).toBe(200);
    expect(viaDomain.body).toContain('href="/feed.atom"');
    const feed = await get('/feed.atom', { host: 'status.acme.test' });
    expect(feed.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(feed.body).toContain('<id>http://status.acme.test</id>');
    expect((await get('/status.json', { host: 'status.acme.test' })).json().page.url).toBe('http://status.acme.test');
    expect((await get('/', { host: 'elsewhere.test' })).body).not.toContain('Acme');
    await call('PATCH', `/status-pages/${pageId}`, { customDomain: 'status.acme-two.test' });
    expect((await get('/', { host: 'status.acme.test' })).body).not.toContain('Acme');
    expect((await get('/', { host: 'status.acme-two.test' })).statusCode).toBe(200);
  });

  it('sends an ETag, answers If-None-Match with 304 and gzips for clients that accept it', async () => {
    const first = await get('/status/acme');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get('/status/acme', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/status/acme', { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
    const zipped = await app.inject({ method: 'GET', url: '/status/acme', headers: { 'accept-encoding': 'gzip, br' }, decompress: false } as never);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(first.body);
  });

  it('serves cache hits without the database, refreshes after the TTL and at once after an edit', async () => {
    await get('/status/acme');
    const [queries, calls] = [await dbQueries(t), monitors.calls];
    for (let i = 0; i < 5; i++) await get('/status/acme');
    await get('/status/acme/status.json');
    expect(await dbQueries(t)).toBe(queries);
    expect(monitors.calls).toBe(calls);

    monitors.known.get('m-api')!.state = 'down';
    clock.advance(6000);
    await vi.waitFor(async () => expect((await get('/status/acme')).body).toContain('<span class="st st-down">Outage</span>'));
    expect(await dbQueries(t)).toBeGreaterThan(queries);

    await call('POST', `/status-pages/${pageId}/components`, { name: 'Brand new component' });
    expect((await get('/status/acme')).body).toContain('Brand new component');
  });

  it('refreshes a page when a monitor it shows changes state, and only then', async () => {
    monitors.known.get('m-api')!.state = 'degraded';
    monitors.known.get('m-db')!.state = 'degraded';
    const orgId = monitors.known.get('m-api')!.orgId;
    t.runtime.bus.publish(MONITOR_STATE_TOPIC, { orgId, monitorId: 'm-api', state: 'degraded' });
    await vi.waitFor(async () => expect((await get('/status/acme/status.json')).json().status).toEqual({ indicator: 'minor', description: 'Degraded performance' }));

    const queries = await dbQueries(t);
    t.runtime.bus.publish(MONITOR_STATE_TOPIC, { orgId, monitorId: 'm-api', state: 'degraded' });
    t.runtime.bus.publish(MONITOR_STATE_TOPIC, { orgId, monitorId: 'not-on-the-page', state: 'down' });
    t.runtime.bus.publish(MONITOR_STATE_TOPIC, { orgId: 'another-org' });
    await get('/status/acme');
    await get('/status/acme');
    expect(await dbQueries(t)).toBe(queries);
  });

  it('shows incidents and maintenance and offers them in the feeds', async () => {
    const incident = (await call('POST', `/status-pages/${pageId}/incidents`, { title: 'Slow <b>API</b>', message: 'We are looking', impact: 'major', componentIds: [componentId] })).json();
    await call('POST', `/status-pages/${pageId}/incidents/${incident.id}/updates`, { status: 'identified', message: 'A bad deploy' });
    await call('POST', `/status-pages/${pageId}/maintenance`, { title: 'DB upgrade', startsAt: '2026-11-23T01:00:00Z', endsAt: '2026-11-23T02:00:00Z' });
    const html = (await get('/status/acme')).body;
    expect(html).toContain('<h2 id=active-h>Active incidents</h2>');
    expect(html).toContain('Slow &lt;b&gt;API&lt;/b&gt;');
    expect(html).toContain('<h2 id=maintenance-h>Scheduled maintenance</h2>');
    const json = (await get('/status/acme/api/v2/summary.json')).json();
    expect(json.status.indicator).toBe('major');
    expect(json.incidents[0].incident_updates.map((u: { status: string }) => u.status)).toEqual(['identified', 'investigating']);
    const rss = await get('/status/acme/feed.rss');
    expect(rss.headers['content-type']).toMatch(/application\/rss\+xml/);
    expect(rss.body.match(/<item>/g)).toHaveLength(3);
    expect(rss.body).not.toContain('<b>');
  });

  it('is readable by the statuspage probe type', async () => {
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const probe = createDefaultProbeRegistry().get('statuspage');
    const result = await probe.check({ baseUrl: `${url}/status/acme` }, { signal: new AbortController().signal, timeoutMs: 5000, now: () => Date.now() });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'UPSTREAM_MAJOR_OUTAGE', details: { indicator: 'major', pageName: 'Acme <script>alert(1)</script>' } });
  });

  it('asks for the password of a protected page and remembers it in a signed cookie', async () => {
    await call('PATCH', `/status-pages/${pageId}`, { password: 'open sesame please' });
    const form = await get('/status/acme');
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).toContain('<input id=pw name=password type=password');
    expect(form.body).not.toContain('API &lt;img');
    expect((await get('/status/acme/status.json')).json().error.code).toBe('STATUS_PAGE_PASSWORD_REQUIRED');

    const wrong = await post('guess');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('role=alert');
    const right = await post('open sesame please');
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/status/acme');
    const setCookie = right.headers['set-cookie'] as string;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Path=\/status\/acme;/);
    const cookie = setCookie.split(';')[0];

    const page = await get('/status/acme', { cookie });
    expect(page.body).toContain('API &lt;img');
    expect(page.headers['cache-control']).toBe('private, max-age=10');
    expect(page.headers.vary).toBe('Accept-Encoding, Cookie');
    expect((await get('/status/acme/status.json', { cookie })).statusCode).toBe(200);
    const forged = `${cookie.split('=')[0]}=${Number(cookie.split('=')[1].split('.')[0]) + 1}.${cookie.split('.')[1]}`;
    expect((await get('/status/acme', { cookie: forged })).body).toContain('name=password');

    const onDomain = await post('open sesame please', '/', 'status.acme-two.test');
    expect(onDomain.headers['set-cookie']).toMatch(/Path=\/;/);
    expect(onDomain.headers.location).toBe('/');

    await call('PATCH', `/status-pages/${pageId}`, { password: 'a brand new secret' });
    expect((await get('/status/acme', { cookie })).body).toContain('name=password');
    await call('PATCH', `/status-pages/${pageId}`, { password: null });
    expect((await get('/status/acme')).body).toContain('API &lt;img');
  });

  it('throttles password guessing for a few minutes', async () => {
    await call('PATCH', `/status-pages/${pageId}`, { password: 'throttled password' });
    const statuses: number[] = [];
    for (let i = 0; i < 12 && statuses.at(-1) !== 429; i++) statuses.push((await post('nope')).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([401]));
    expect((await post('throttled password')).statusCode).toBe(429);
    clock.advance(5 * 60_000 + 1);
    expect((await post('throttled password')).statusCode).toBe(303);
  });
});
