import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { raiseAlert } from '../src/modules/alerts/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { alertTestModules, drain } from './alerts-support.ts';
import { createOrgWithOwner, createTokenFor, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('alerts, routes and silences API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let ctx: Ctx;
  let admin: TestToken;
  let responder: TestToken;
  let viewer: TestToken;
  let otherAdmin: TestToken;

  beforeAll(async () => {
    clock = new ManualClock('2026-03-05T09:00:00Z');
    t = await createTestRuntime({ dialect, clock, modules: alertTestModules() });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    ctx = (await createOrgWithOwner(t.runtime, 'api-a')).ctx;
    await createOrgWithOwner(t.runtime, 'api-b', { email: 'owner@api-a.example.com' });
    admin = await createTokenFor(t.runtime, 'api-a', 'admin');
    responder = await createTokenFor(t.runtime, 'api-a', 'responder');
    viewer = await createTokenFor(t.runtime, 'api-a', 'viewer');
    otherAdmin = await createTokenFor(t.runtime, 'api-b', 'admin');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: TestToken, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { ...token.headers, ...headers }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  const document = {
    receivers: ['default-chan'],
    group_by: ['alertname'],
    escalation_policy: 'ep-default',
    routes: [
      { matchers: ['team="db"'], receivers: ['db-chan'], group_wait: '10s', continue: true },
      { matchers: ['env=~"prod|staging"'], receivers: ['ops-chan'], group_by: ['alertname', 'env'] },
    ],
    inhibit_rules: [{ source_matchers: ['alertname="DatacentreDown"'], target_matchers: ['alertname="HostDown"'], equal: ['dc'] }],
  };

  it('saves the routing document as a new version, audited with before and after', async () => {
    const before = await call('GET', '/routes', viewer);
    expect(before.json()).toMatchObject({ version: 0, updatedAt: null, document: { receivers: [] } });
    const saved = await call('PUT', '/routes', admin, document, { 'if-match': '"0"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json()).toMatchObject({ version: 1, document, updatedBy: 'token admin token' });
    const audit = await call('GET', '/audit/events?action=routes.update', admin);
    expect(audit.json().data[0]).toMatchObject({ action: 'routes.update', data: { version: 1, before: { receivers: [] }, after: { receivers: ['default-chan'] } } });

    const stale = await call('PUT', '/routes', admin, document, { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({ code: 'ROUTES_VERSION_MISMATCH', details: { currentVersion: 1 } });
    expect((await call('PUT', '/routes', responder, document)).statusCode).toBe(403);
    expect((await call('GET', '/routes', otherAdmin)).json().version).toBe(0);
  });

  it('names the path of every problem in a routing document', async () => {
    const res = await call('PUT', '/routes', admin, {
      receivers: ['x'],
      routes: [{ matchers: ['env="prod"'] }, { matchers: ['team=~"(unclosed"'], group_wait: 'later' }],
      inhibit_rules: [{ source_matchers: ['a=b'], target_matchers: ['c'] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['inhibit_rules.0.target_matchers.0', 'routes.1.group_wait', 'routes.1.matchers.0']);
    expect((await call('GET', '/routes', admin)).json().version).toBe(1);
  });

  it('answers which routes, receivers, group key, silences and inhibitions an example alert would hit', async () => {
    const dc = await raiseAlert({ ctx, input: { dedupKey: 'dc-lon', labels: { alertname: 'DatacentreDown', dc: 'lon' } } });
    const silence = await call('POST', '/silences', responder, { matchers: ['host="h1"'], duration: '1h', comment: 'rebuilding h1' });
    expect(silence.statusCode).toBe(201);
    const res = await call('POST', '/routes/test', viewer, { labels: { alertname: 'HostDown', team: 'db', env: 'prod', dc: 'lon', host: 'h1' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      version: 1,
      routes: [
        {
          path: 'routes.0',
          routeId: '{}/{team="db"}/0',
          receivers: ['db-chan'],
          groupBy: ['alertname'],
          groupKey: '{}/{team="db"}/0:{alertname="HostDown"}',
          groupWait: '10s',
          groupInterval: '5m',
          repeatInterval: '4h',
          escalationPolicy: 'ep-default',
          continue: true,
        },
        {
          path: 'routes.1',
          routeId: '{}/{env=~"prod|staging"}/1',
          receivers: ['ops-chan'],
          groupBy: ['alertname', 'env'],
          groupKey: '{}/{env=~"prod|staging"}/1:{alertname="HostDown",env="prod"}',
          groupWait: '30s',
          groupInterval: '5m',
          repeatInterval: '4h',
          escalationPolicy: 'ep-default',
          continue: false,
        },
      ],
      silencedBy: [{ id: silence.json().id, matchers: ['host="h1"'], endsAt: silence.json().endsAt, createdBy: 'token responder token', comment: 'rebuilding h1' }],
      inhibitedBy: [{ rule: 'inhibit_rules.0', alerts: [{ id: dc.alert!.id, dedupKey: 'dc-lon' }] }],
      muted: true,
    });
    const root = await call('POST', '/routes/test', viewer, { labels: { alertname: 'X' } });
    expect(root.json()).toMatchObject({ routes: [{ path: '', receivers: ['default-chan'], groupKey: '{}:{alertname="X"}' }], silencedBy: [], inhibitedBy: [], muted: false });
    const draft = await call('POST', '/routes/test', viewer, { labels: { alertname: 'X' }, document: { receivers: ['draft'], routes: [{ matchers: ['nope'] }] } });
    expect(draft.statusCode).toBe(400);
    expect(draft.json().error.details.issues[0].path).toBe('document.routes.0.matchers.0');
  });

  it('lists alerts with status, source and label matcher filters, page by page', async () => {
    for (let i = 0; i < 5; i++, clock.advance(1)) await raiseAlert({ ctx, input: { dedupKey: `list-${i}`, labels: { alertname: 'Listed', env: i % 2 ? 'prod' : 'dev', n: String(i) } } });
    const prod = await call('GET', `/alerts?status=firing&matcher=${encodeURIComponent('env="prod"')}&matcher=${encodeURIComponent('alertname=Listed')}`, viewer);
    expect(prod.json().data.map((a: { dedupKey: string }) => a.dedupKey)).toEqual(['list-3', 'list-1']);
    const keys: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/alerts?matcher=alertname%3DListed&limit=2${cursor ? `&cursor=${cursor}` : ''}`, viewer);
      keys.push(...res.json().data.map((a: { dedupKey: string }) => a.dedupKey));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(keys).toEqual(['list-4', 'list-3', 'list-2', 'list-1', 'list-0']);
    expect((await call('GET', '/alerts?source=monitor', viewer)).json().data).toEqual([]);
    const bad = await call('GET', `/alerts?matcher=${encodeURIComponent('env=~"("')}`, viewer);
    expect(bad.statusCode).toBe(400);
    expect((await call('GET', '/alerts', otherAdmin)).json().data).toEqual([]);
  });

  it('lets a responder acknowledge, but not a viewer; answers 404 across organizations', async () => {
    const { alert } = await raiseAlert({ ctx, input: { dedupKey: 'ack-me', labels: { alertname: 'AckMe' } } });
    await drain(t.runtime);
    expect((await call('POST', `/alerts/${alert!.id}/ack`, viewer)).statusCode).toBe(403);
    const foreign = await call('POST', `/alerts/${alert!.id}/ack`, otherAdmin);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('ALERT_NOT_FOUND');
    expect((await call('GET', `/alerts/${alert!.id}`, otherAdmin)).statusCode).toBe(404);

    const [one, two] = await Promise.all([call('POST', `/alerts/${alert!.id}/ack`, responder), call('POST', `/alerts/${alert!.id}/ack`, admin)]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(one.json().acknowledgedAt).toBe(two.json().acknowledgedAt);
    const detail = (await call('GET', `/alerts/${alert!.id}`, viewer)).json();
    expect(detail.events.filter((e: { type: string }) => e.type === 'acknowledged')).toHaveLength(1);
    expect(detail.groups).toMatchObject([{ groupKey: '{}:{alertname="AckMe"}', routePath: '', receivers: ['default-chan'] }]);
    const audit = await call('GET', `/audit/events?action=alert.&subject=alert:${alert!.id}`, admin);
    expect(audit.json().data.map((e: { action: string; actor: { type: string } }) => `${e.action} by ${e.actor.type}`).sort()).toEqual(['alert.acknowledge by apiToken', 'alert.raise by cli']);

    const resolved = await call('POST', `/alerts/${alert!.id}/resolve`, responder, { comment: 'fixed the disk' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', annotations: { resolution: 'fixed the disk' } });
    const late = await call('POST', `/alerts/${alert!.id}/ack`, responder);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ALERT_NOT_FIRING');
  });

  it('creates, lists and expires silences; a viewer may not silence; other organizations see 404', async () => {
    expect((await call('POST', '/silences', viewer, { matchers: ['a=b'], duration: '1h', comment: 'x' })).statusCode).toBe(403);
    const made = (await call('POST', '/silences', responder, { matchers: ['service="billing"'], duration: '30m', comment: 'billing deploy' })).json();
    expect(made).toMatchObject({ status: 'active', createdBy: 'token responder token', matchers: ['service="billing"'] });
    expect((await call('GET', `/silences/${made.id}`, otherAdmin)).statusCode).toBe(404);
    expect((await call('POST', `/silences/${made.id}/expire`, otherAdmin)).statusCode).toBe(404);
    expect((await call('POST', `/silences/${made.id}/expire`, viewer)).statusCode).toBe(403);
    const active = (await call('GET', '/silences?status=active', viewer)).json().data.map((s: { id: string }) => s.id);
    expect(active).toContain(made.id);
    const expired = await call('POST', `/silences/${made.id}/expire`, responder);
    expect(expired.json().status).toBe('expired');
    expect((await call('GET', '/silences?status=expired', viewer)).json().data.map((s: { id: string }) => s.id)).toEqual([made.id]);
    const audit = (await call('GET', `/audit/events?subject=silence:${made.id}`, admin)).json().data.map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(['silence.create', 'silence.expire']);
    const bad = await call('POST', '/silences', responder, { matchers: ['x=~".*"'], duration: '1h', comment: 'everything' });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'matchers' }] } });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/v1/alerts', '/api/v1/routes', '/api/v1/routes/test', '/api/v1/silences/{id}/expire']));
  });
});
