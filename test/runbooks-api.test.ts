import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { getRunbook, listRunbookVersions, putRunbook, updateRunbook } from '../src/modules/runbooks/index.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createOrgWithOwner, createTokenFor } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('runbooks API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctxA: Ctx;
  let admin: { authorization: string };
  let viewer: { authorization: string };
  let otherAdmin: { authorization: string };

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false });
    ctxA = (await createOrgWithOwner(t.runtime, 'rb-a')).ctx;
    await createOrgWithOwner(t.runtime, 'rb-b', { email: 'owner@rb-a.example.com' });
    admin = (await createTokenFor(t.runtime, 'rb-a', 'admin')).headers;
    viewer = (await createTokenFor(t.runtime, 'rb-a', 'viewer')).headers;
    otherAdmin = (await createTokenFor(t.runtime, 'rb-b', 'admin')).headers;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const create = async (slug: string, match: Record<string, string>, body = `# ${slug}`) => {
    const res = await call('POST', '/runbooks', { slug, title: `Runbook ${slug}`, match, body });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; slug: string; version: number };
  };

  it('keeps every edit as an immutable version and restores an old one', async () => {
    const made = await create('payments-down', { service: 'payments' }, '# Payments\n\nRestart the **worker**.\n\n<b>raw</b>');
    expect(made).toMatchObject({ version: 1, keys: ['service=payments'], html: expect.stringContaining('<strong>worker</strong>') });
    expect((made as unknown as { html: string }).html).toContain('&lt;b&gt;raw&lt;/b&gt;');

    const edited = await call('PATCH', `/runbooks/${made.id}`, { body: '# Payments\n\nFail over to the standby.', note: 'new procedure', baseVersion: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, body: '# Payments\n\nFail over to the standby.' });
    const same = await call('PATCH', `/runbooks/${made.id}`, { body: '# Payments\n\nFail over to the standby.' });
    expect(same.json().version).toBe(2);

    const stale = await call('PATCH', `/runbooks/${made.id}`, { title: 'Late edit', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RUNBOOK_VERSION_CONFLICT');

    const versions = (await call('GET', `/runbooks/${made.id}/versions`, undefined, viewer)).json().data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ note: 'new procedure', author: { type: 'apiToken' } });
    const v1 = (await call('GET', `/runbooks/${made.id}/versions/1`, undefined, viewer)).json();
    expect(v1.body).toContain('Restart the **worker**');

    const restored = await call('POST', `/runbooks/${made.id}/versions/1/restore`);
    expect(restored.json()).toMatchObject({ version: 3, body: v1.body });
    expect((await call('GET', `/runbooks/${made.id}/versions`)).json().data[0]).toMatchObject({ version: 3, note: 'Restored version 1' });
    expect((await call('GET', '/runbooks/payments-down')).json().id).toBe(made.id);

    const audit = await listAuditEvents({ ctx: ctxA, input: { subject: `runbook:${made.id}`, limit: 50 } });
    expect(audit.data.map((e: { action: string }) => e.action).toSorted()).toEqual(['runbook.create', 'runbook.restore', 'runbook.update']);
  });

  it('answers the runbooks that apply to a set of labels, most specific first', async () => {
    await create('auth-domain', { domain: 'auth' });
    await create('login-service', { service: 'login', domain: 'auth' });
    await create('login-probe', { monitor: 'm-login' });
    await create('login-other-env', { service: 'login', env: 'staging' });
    const got = await call('GET', '/runbooks/match?labels=service=login,domain=auth&labels=monitor_id=m-login', undefined, viewer);
    expect(got.statusCode).toBe(200);
    expect(got.json().data.map((r: { slug: string }) => r.slug)).toEqual(['login-probe', 'login-service', 'auth-domain']);
    const posted = await call('POST', '/runbooks/match', { labels: { domain: 'auth' } }, viewer);
    expect(posted.json().data.map((r: { slug: string; matchedOn: string[] }) => [r.slug, r.matchedOn])).toEqual([['auth-domain', ['domain=auth']]]);
    const bad = await call('GET', '/runbooks/match?labels=service');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('labels');
    const many = Array.from({ length: 65 }, (_, i) => `l${i}=v`).join(',');
    const tooMany = await call('GET', `/runbooks/match?labels=${many}`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.issues[0].path).toBe('labels');
  });

  it('names each invalid field and keeps slugs unique', async () => {
    expect((await call('POST', '/runbooks', { slug: 'match', title: 'Reserved', match: { a: 'b' }, body: '' })).json().error.details.issues[0].path).toBe('slug');
    const res = await call('POST', '/runbooks', { slug: 'Bad Slug', title: '', match: {}, body: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path).toSorted()).toEqual(['body', 'match', 'slug', 'title']);
    await create('unique-one', { service: 'x' });
    const taken = await call('POST', '/runbooks', { slug: 'unique-one', title: 'Again', match: { service: 'y' }, body: '' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('RUNBOOK_SLUG_TAKEN');
    expect((await call('POST', '/runbooks', { slug: 'unique-one', title: 'Theirs', match: { service: 'y' }, body: '' }, otherAdmin)).statusCode).toBe(201);
  });

  it('hides another organization’s runbooks and lets a viewer only read', async () => {
    const mine = await create('private-one', { service: 'secret' });
    for (const [method, url] of [['GET', `/runbooks/${mine.id}`], ['PATCH', `/runbooks/${mine.id}`], ['GET', `/runbooks/${mine.id}/versions/1`], ['DELETE', `/runbooks/${mine.id}`]] as const) {
      const res = await call(method, url, method === 'PATCH' ? { title: 'x' } : undefined, otherAdmin);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('RUNBOOK_NOT_FOUND');
    }
    expect((await call('POST', '/runbooks/match', { labels: { service: 'secret' } }, otherAdmin)).json().data).toEqual([]);
    expect((await call('PATCH', `/runbooks/${mine.id}`, { title: 'x' }, viewer)).statusCode).toBe(403);
    expect((await call('GET', `/runbooks/${mine.id}/versions/9`)).json().error.code).toBe('RUNBOOK_VERSION_NOT_FOUND');
    expect((await call('DELETE', `/runbooks/${mine.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/runbooks/${mine.id}`)).statusCode).toBe(404);
  });

  it('lists by slug with a cursor and a search', async () => {
    const first = await call('GET', '/runbooks?limit=2', undefined, viewer);
    expect(first.json().data).toHaveLength(2);
    const second = await call('GET', `/runbooks?limit=2&cursor=${first.json().nextCursor}`, undefined, viewer);
    expect(second.json().data[0].slug > first.json().data[1].slug).toBe(true);
    expect((await call('GET', '/runbooks?search=LOGIN')).json().data.map((r: { slug: string }) => r.slug)).toEqual(['login-other-env', 'login-probe', 'login-service']);
    expect((await call('GET', '/runbooks?cursor=%25%25')).statusCode).toBe(400);
  });

  it('puts runbooks as code: created, unchanged, then a new version', async () => {
    const input = { slug: 'as-code', title: 'As code', match: { service: 'db' }, body: '# one' };
    expect((await putRunbook({ ctx: ctxA, input })).outcome).toBe('created');
    expect((await putRunbook({ ctx: ctxA, input })).outcome).toBe('unchanged');
    const updated = await putRunbook({ ctx: ctxA, input: { ...input, body: '# two' } });
    expect(updated).toMatchObject({ outcome: 'updated', runbook: { version: 2, body: '# two' } });
  });

  it('never loses an edit when two land at once: each is its own version or refused', async () => {
    const made = await create('racy', { service: 'race' });
    const edits = await Promise.allSettled(['# one', '# two', '# three'].map((body) => updateRunbook({ ctx: ctxA, id: made.id, input: { body } })));
    const saved = edits.filter((e) => e.status === 'fulfilled');
    for (const e of edits) if (e.status === 'rejected') expect((e.reason as { code: string }).code).toBe('RUNBOOK_VERSION_CONFLICT');
    const versions = (await listRunbookVersions({ ctx: ctxA, id: made.id })).data.map((v) => v.version);
    expect(versions).toEqual(Array.from({ length: saved.length + 1 }, (_, i) => saved.length + 1 - i));
    expect((await getRunbook({ ctx: ctxA, id: made.id })).version).toBe(saved.length + 1);
  });

  it('documents the runbook, calendar and review routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/api/v1/runbooks/match', '/api/v1/runbooks/{id}/versions/{version}/restore', '/api/v1/business-calendar/deadline', '/api/v1/reviews/{id}/file', '/api/v1/review-settings']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/runbooks'].post.requestBody.content['application/json'].schema.required).toEqual(['slug', 'title', 'match', 'body']);
  });
});
