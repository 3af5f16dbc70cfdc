import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { createAdmin, createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { createDefaultProbeRegistry, createMonitor } from '../src/modules/monitors/index.ts';
import { listLinkedPageIncidents } from '../src/modules/statuspages/index.ts';
import { cliActor, serviceCtx, type Ctx, type Role } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const probes = createDefaultProbeRegistry();
const token = async (ctx: Ctx, role: Role) => ({ authorization: `Bearer ${(await createApiToken({ ctx, input: { name: role, role } })).token}` });
const monitor = async (ctx: Ctx, name: string) =>
  (await createMonitor({ ctx, probes, input: { name, type: 'tcp', settings: { host: '127.0.0.1', port: 9 }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } })).id;
const issuePaths = (res: { json(): { error: { details: { issues: { path: string }[] } } } }) => res.json().error.details.issues.map((i) => i.path);

describeEachDialect('status pages API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctxA: Ctx;
  let admin: { authorization: string };
  let viewer: { authorization: string };
  let otherAdmin: { authorization: string };
  let monitorA: string;
  let monitorB: string;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false });
    const services = servicesOf(t.runtime);
    const a = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@sp-a.example.com', password: 'long enough password', orgSlug: 'sp-a' } });
    const b = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@sp-a.example.com', password: 'long enough password', orgSlug: 'sp-b' } });
    ctxA = serviceCtx(services, a.org.id, cliActor());
    const ctxB = serviceCtx(services, b.org.id, cliActor());
    admin = await token(ctxA, 'admin');
    viewer = await token(ctxA, 'viewer');
    otherAdmin = await token(ctxB, 'admin');
    monitorA = await monitor(ctxA, 'api');
    monitorB = await monitor(ctxB, 'theirs');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const newPage = async (slug: string, extra: Record<string, unknown> = {}) => {
    const res = await call('POST', '/status-pages', { slug, title: `Page ${slug}`, ...extra });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; slug: string };
  };

  it('creates a page with defaults and never returns the password', async () => {
    const res = await call('POST', '/status-pages', { slug: 'acme', title: 'Acme', password: 'open sesame', brandColor: '#ABCDEF', customDomain: 'Status.Acme.Example.com' });
    expect(res.statusCode).toBe(201);
    const page = res.json();
    expect(page).toMatchObject({ slug: 'acme', title: 'Acme', published: false, showUptime: true, passwordProtected: true, brandColor: '#abcdef', accentColor: '#0969da', customDomain: 'status.acme.example.com', path: '/status/acme' });
    expect(JSON.stringify(page)).not.toMatch(/sesame|scrypt/);
    expect((await call('GET', `/status-pages/${page.id}`)).json()).toEqual(page);
    expect((await call('GET', '/status-pages', undefined, viewer)).json().data.map((p: { slug: string }) => p.slug)).toContain('acme');
  });

  it('names each invalid field', async () => {
    const res = await call('POST', '/status-pages', { slug: 'Bad Slug', title: '', brandColor: 'red', customDomain: 'not a domain', password: 'short', logoUrl: 'javascript:alert(1)' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuePaths(res).toSorted()).toEqual(['brandColor', 'customDomain', 'logoUrl', 'password', 'slug', 'title']);
  });

  it('keeps slugs and custom domains unique across organizations', async () => {
    await newPage('taken', { customDomain: 'status.taken.example.com' });
    const slug = await call('POST', '/status-pages', { slug: 'taken', title: 'Mine' }, otherAdmin);
    expect(slug.statusCode).toBe(409);
    expect(slug.json().error.code).toBe('STATUS_PAGE_SLUG_TAKEN');
    const domain = await call('POST', '/status-pages', { slug: 'other', title: 'Mine', customDomain: 'status.taken.example.com' }, otherAdmin);
    expect(domain.json().error.code).toBe('STATUS_PAGE_DOMAIN_TAKEN');
    const page = await newPage('renamable');
    expect((await call('PATCH', `/status-pages/${page.id}`, { slug: 'taken' })).json().error.code).toBe('STATUS_PAGE_SLUG_TAKEN');
    expect((await call('PATCH', `/status-pages/${page.id}`, { slug: 'renamed', published: true })).json()).toMatchObject({ slug: 'renamed', published: true });
  });

  it('answers 404 for another organization and 403 for a viewer writing', async () => {
    const page = await newPage('private-a');
    for (const [method, url] of [
      ['GET', `/status-pages/${page.id}`],
      ['PATCH', `/status-pages/${page.id}`],
      ['DELETE', `/status-pages/${page.id}`],
      ['GET', `/status-pages/${page.id}/components`],
      ['POST', `/status-pages/${page.id}/incidents`],
    ] as const) {
      const res = await call(method, url, method === 'GET' || method === 'DELETE' ? undefined : { title: 'x', message: 'y' }, otherAdmin);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('STATUS_PAGE_NOT_FOUND');
    }
    expect((await call('PATCH', `/status-pages/${page.id}`, { title: 'x' }, viewer)).statusCode).toBe(403);
    expect((await call('GET', `/status-pages/${page.id}`, undefined, viewer)).statusCode).toBe(200);
  });

  it('maps components to monitors of the organization only', async () => {
    const page = await newPage('components');
    const first = await call('POST', `/status-pages/${page.id}/components`, { name: 'API', monitorIds: [monitorA, monitorA], group: 'Core' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ name: 'API', position: 0, group: 'Core', monitorIds: [monitorA] });
    const second = await call('POST', `/status-pages/${page.id}/components`, { name: 'Web' });
    expect(second.json().position).toBe(1);
    const foreign = await call('POST', `/status-pages/${page.id}/components`, { name: 'X', monitorIds: [monitorA, monitorB, 'nope'] });
    expect(foreign.statusCode).toBe(400);
    expect(issuePaths(foreign)).toEqual(['monitorIds.1', 'monitorIds.2']);
    const moved = await call('PATCH', `/status-pages/${page.id}/components/${second.json().id}`, { position: 0, name: 'Website' });
    expect(moved.json()).toMatchObject({ name: 'Website', position: 0 });
    const list = (await call('GET', `/status-pages/${page.id}/components`)).json().data;
    expect(list.map((c: { name: string }) => c.name)).toEqual(['API', 'Website']);
    expect((await call('DELETE', `/status-pages/${page.id}/components/${first.json().id}`)).statusCode).toBe(204);
    expect((await call('PATCH', `/status-pages/${page.id}/components/${first.json().id}`, { name: 'gone' })).json().error.code).toBe('STATUS_PAGE_COMPONENT_NOT_FOUND');
  });

  it('runs an incident through its updates: resolved closes it, a later update reopens it', async () => {
    const page = await newPage('incidents');
    const component = (await call('POST', `/status-pages/${page.id}/components`, { name: 'API' })).json();
    const bad = await call('POST', `/status-pages/${page.id}/incidents`, { title: 'Down', message: 'Looking', componentIds: ['nope'], impact: 'severe' });
    expect(issuePaths(bad).toSorted()).toEqual(['impact']);
    const unknown = await call('POST', `/status-pages/${page.id}/incidents`, { title: 'Down', message: 'Looking', componentIds: [component.id, 'nope'] });
    expect(issuePaths(unknown)).toEqual(['componentIds.1']);

    const created = await call('POST', `/status-pages/${page.id}/incidents`, { title: 'API down', message: 'Looking into it', impact: 'major', componentIds: [component.id], incidentId: 'internal-1' });
    expect(created.statusCode).toBe(201);
    const incident = created.json();
    expect(incident).toMatchObject({ status: 'investigating', impact: 'major', incidentId: 'internal-1', resolvedAt: null, componentIds: [component.id] });
    expect(incident.updates).toHaveLength(1);
    const url = `/status-pages/${page.id}/incidents/${incident.id}`;

    const resolved = await call('POST', `${url}/updates`, { status: 'resolved', message: 'Fixed' });
    expect(resolved.statusCode).toBe(201);
    let now = (await call('GET', url)).json();
    expect(now).toMatchObject({ status: 'resolved', resolvedAt: resolved.json().at });
    expect(now.updates.map((u: { message: string }) => u.message)).toEqual(['Fixed', 'Looking into it']);

    await call('POST', `${url}/updates`, { status: 'monitoring', message: 'It came back' });
    now = (await call('GET', url)).json();
    expect(now).toMatchObject({ status: 'monitoring', resolvedAt: null });
    expect((await call('GET', `${url}/updates`)).json().data).toHaveLength(3);
    expect((await call('PATCH', url, { title: 'API errors', impact: 'minor' })).json()).toMatchObject({ title: 'API errors', impact: 'minor', status: 'monitoring' });
    expect((await listLinkedPageIncidents({ ctx: ctxA, incidentId: 'internal-1' })).map((i) => [i.id, i.updates.length])).toEqual([[incident.id, 3]]);

    await call('POST', `/status-pages/${page.id}/incidents`, { title: 'Second', message: 'Again', startedAt: '2026-01-01T00:00:00Z' });
    const firstPage = (await call('GET', `/status-pages/${page.id}/incidents?limit=1`)).json();
    expect(firstPage.data.map((i: { title: string }) => i.title)).toEqual(['API errors']);
    const secondPage = (await call('GET', `/status-pages/${page.id}/incidents?limit=1&cursor=${firstPage.nextCursor}`)).json();
    expect(secondPage).toMatchObject({ data: [{ title: 'Second' }], nextCursor: null });

    expect((await call('DELETE', url)).statusCode).toBe(204);
    expect((await call('GET', url)).json().error.code).toBe('STATUS_PAGE_INCIDENT_NOT_FOUND');
  });

  it('numbers updates posted at the same time without losing any', async () => {
    const page = await newPage('racing');
    const incident = (await call('POST', `/status-pages/${page.id}/incidents`, { title: 'Busy', message: 'First' })).json();
    const at = '2026-11-22T10:00:00Z';
    const posts = await Promise.all(
      ['identified', 'monitoring', 'resolved'].map((status) => call('POST', `/status-pages/${page.id}/incidents/${incident.id}/updates`, { status, message: status, at })),
    );
    expect(posts.map((p) => p.statusCode)).toEqual([201, 201, 201]);
    const after = (await call('GET', `/status-pages/${page.id}/incidents/${incident.id}`)).json();
    expect(after.updates).toHaveLength(4);
    expect(after.status).toBe(after.updates[0].status);
  });

  it('schedules maintenance that must end after it starts', async () => {
    const page = await newPage('maintenance');
    const backwards = await call('POST', `/status-pages/${page.id}/maintenance`, { title: 'DB upgrade', startsAt: '2026-12-01T02:00:00Z', endsAt: '2026-12-01T01:00:00Z' });
    expect(issuePaths(backwards)).toEqual(['endsAt']);
    const created = await call('POST', `/status-pages/${page.id}/maintenance`, { title: 'DB upgrade', startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T02:00:00Z' });
    expect(created.json()).toMatchObject({ title: 'DB upgrade', startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T02:00:00.000Z' });
    const url = `/status-pages/${page.id}/maintenance/${created.json().id}`;
    expect(issuePaths(await call('PATCH', url, { endsAt: '2026-11-30T00:00:00Z' }))).toEqual(['endsAt']);
    expect((await call('PATCH', url, { endsAt: '2026-12-01T03:00:00Z' })).json().endsAt).toBe('2026-12-01T03:00:00.000Z');
    expect((await call('GET', `/status-pages/${page.id}/maintenance`)).json().data).toHaveLength(1);
    expect((await call('DELETE', url)).statusCode).toBe(204);
    expect((await call('DELETE', url)).json().error.code).toBe('STATUS_PAGE_MAINTENANCE_NOT_FOUND');
  });

  it('audits every change without secrets, and deleting a page removes what it held', async () => {
    const page = await newPage('audited', { password: 'correct horse battery' });
    const component = (await call('POST', `/status-pages/${page.id}/components`, { name: 'API' })).json();
    await call('PATCH', `/status-pages/${page.id}/components/${component.id}`, { name: 'API v2' });
    const incident = (await call('POST', `/status-pages/${page.id}/incidents`, { title: 'Slow', message: 'Looking' })).json();
    await call('POST', `/status-pages/${page.id}/incidents/${incident.id}/updates`, { status: 'resolved', message: 'Done' });
    await call('POST', `/status-pages/${page.id}/maintenance`, { title: 'Work', startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T02:00:00Z' });
    await call('PATCH', `/status-pages/${page.id}`, { password: 'another long one' });
    expect((await call('DELETE', `/status-pages/${page.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/status-pages/${page.id}/components`)).statusCode).toBe(404);

    const all = (await listAuditEvents({ ctx: ctxA, input: { limit: 500 } })).data.filter((e) => e.action.startsWith('status_page'));
    const forPage = all.filter((e) => [page.id, component.id, incident.id].includes(e.subject.id) || JSON.stringify(e.data).includes(page.id));
    expect(forPage.map((e) => e.action).toReversed()).toEqual([
      'status_page.create',
      'status_page_component.create',
      'status_page_component.update',
      'status_page_incident.create',
      'status_page_incident.post_update',
      'status_page_maintenance.create',
      'status_page.update',
      'status_page.delete',
    ]);
    expect(forPage.every((e) => e.actor.type === 'apiToken')).toBe(true);
    expect(JSON.stringify(forPage)).not.toMatch(/scrypt|correct horse|another long one|cookie_secret/);
  });
});
