import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { addMember, changeMemberRole, createApiToken, listApiTokens, removeMember } from '../src/modules/auth/index.ts';
import type { Role } from '../src/platform/context.ts';
import { addMemberTo, createOrgWithOwner, createTokenFor, loginAs, orgCtx, type TestToken, type TestUser } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describeEachDialect('roles and organization boundaries', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ownerA: TestUser;
  let viewerA: TestUser;
  const a = {} as Record<Role, TestToken>;
  let adminB: TestToken;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false });
    ownerA = (await createOrgWithOwner(t.runtime, 'org-a')).owner;
    await createOrgWithOwner(t.runtime, 'org-b');
    viewerA = await addMemberTo(t.runtime, 'org-a', 'viewer', 'viewer@org-a.example.com');
    for (const role of ['owner', 'admin', 'responder', 'viewer', 'auditor'] as const) a[role] = await createTokenFor(t.runtime, 'org-a', role);
    adminB = await createTokenFor(t.runtime, 'org-b', 'admin');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (token: TestToken, method: Method, url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url: `/api/v1${url}`, headers: token.headers, ...(payload ? { payload } : {}) });
  const expectError = async (pending: ReturnType<typeof call>, status: number, code: string) => {
    const res = await pending;
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
  };

  it("refuses a viewer's writes with FORBIDDEN, in the route and in the verb", async () => {
    await expectError(call(a.viewer, 'PATCH', '/orgs/current', { name: 'Mine now' }), 403, 'FORBIDDEN');
    await expectError(call(a.viewer, 'POST', '/tokens', { name: 'x', role: 'viewer' }), 403, 'FORBIDDEN');
    await expectError(call(a.viewer, 'PATCH', `/members/${viewerA.id}`, { role: 'admin' }), 403, 'FORBIDDEN');
    expect((await call(a.viewer, 'GET', '/members')).statusCode).toBe(200);

    const viewerCtx = await orgCtx(t.runtime, 'org-a', 'viewer');
    await expect(createApiToken({ ctx: viewerCtx, input: { name: 'x', role: 'viewer' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(changeMemberRole({ ctx: viewerCtx, userId: viewerA.id, input: { role: 'admin' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an admin manage members but never grant or take ownership', async () => {
    await expectError(call(a.admin, 'PATCH', `/members/${viewerA.id}`, { role: 'owner' }), 403, 'FORBIDDEN');
    await expectError(call(a.admin, 'POST', '/members', { email: 'owner2@org-a.example.com', role: 'owner', password: 'long enough password' }), 403, 'FORBIDDEN');
    await expectError(call(a.admin, 'POST', '/tokens', { name: 'root', role: 'owner' }), 403, 'FORBIDDEN');
    await expectError(call(a.admin, 'DELETE', `/members/${ownerA.id}`), 403, 'FORBIDDEN');
    await expectError(call(a.admin, 'PATCH', `/members/${ownerA.id}`, { role: 'viewer' }), 403, 'FORBIDDEN');
    await expectError(call(a.admin, 'DELETE', `/tokens/${a.owner.id}`), 403, 'FORBIDDEN');
    const promoted = await call(a.admin, 'PATCH', `/members/${viewerA.id}`, { role: 'responder' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ userId: viewerA.id, role: 'responder' });
    expect((await call(a.admin, 'PATCH', `/members/${viewerA.id}`, { role: 'viewer' })).statusCode).toBe(200);
  });

  it('keeps the last owner: no demotion, no removal, until another owner exists', async () => {
    await expectError(call(a.owner, 'PATCH', `/members/${ownerA.id}`, { role: 'admin' }), 409, 'LAST_OWNER');
    await expectError(call(a.owner, 'DELETE', `/members/${ownerA.id}`), 409, 'LAST_OWNER');
    const ctx = await orgCtx(t.runtime, 'org-a');
    await expect(removeMember({ ctx, userId: ownerA.id })).rejects.toMatchObject({ code: 'LAST_OWNER' });

    const second = await addMember({ ctx, input: { email: 'second-owner@org-a.example.com', role: 'owner', password: 'long enough password' } });
    const demoted = await call(a.owner, 'PATCH', `/members/${second.userId}`, { role: 'admin' });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().role).toBe('admin');
    await expectError(call(a.owner, 'PATCH', `/members/${ownerA.id}`, { role: 'admin' }), 409, 'LAST_OWNER');
    expect((await call(a.owner, 'DELETE', `/members/${second.userId}`)).statusCode).toBe(204);
    const members = (await call(a.owner, 'GET', '/members')).json().data;
    expect(members.filter((m: { role: string }) => m.role === 'owner').map((m: { userId: string }) => m.userId)).toEqual([ownerA.id]);
  });

  it('lets an auditor read the audit log and verify the chain, and change nothing', async () => {
    const events = await call(a.auditor, 'GET', '/audit/events');
    expect(events.statusCode).toBe(200);
    expect(events.json().data.length).toBeGreaterThan(0);
    const verify = await call(a.auditor, 'GET', '/audit/verify');
    expect(verify.statusCode).toBe(200);
    expect(verify.json().ok).toBe(true);
    await expectError(call(a.auditor, 'POST', '/tokens', { name: 'x', role: 'viewer' }), 403, 'FORBIDDEN');
    await expectError(call(a.auditor, 'PATCH', '/orgs/current', { name: 'Audited' }), 403, 'FORBIDDEN');
    await expectError(call(a.auditor, 'DELETE', `/members/${viewerA.id}`), 403, 'FORBIDDEN');
    await expectError(call(a.auditor, 'GET', '/tokens'), 403, 'FORBIDDEN');
  });

  it('keeps responders and viewers out of tokens and the audit log', async () => {
    await expectError(call(a.responder, 'GET', '/tokens'), 403, 'FORBIDDEN');
    await expectError(call(a.responder, 'GET', '/audit/events'), 403, 'FORBIDDEN');
    await expectError(call(a.viewer, 'GET', '/audit/verify'), 403, 'FORBIDDEN');
    await expect(listApiTokens({ ctx: await orgCtx(t.runtime, 'org-a', 'responder') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("answers 404 to another organization's admin for A's members and tokens, and changes nothing", async () => {
    await expectError(call(adminB, 'PATCH', `/members/${viewerA.id}`, { role: 'admin' }), 404, 'MEMBER_NOT_FOUND');
    await expectError(call(adminB, 'DELETE', `/members/${viewerA.id}`), 404, 'MEMBER_NOT_FOUND');
    await expectError(call(adminB, 'DELETE', `/tokens/${a.viewer.id}`), 404, 'TOKEN_NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: a.viewer.headers })).statusCode).toBe(200);
    const members = (await call(a.owner, 'GET', '/members')).json().data;
    expect(members.find((m: { userId: string }) => m.userId === viewerA.id)).toMatchObject({ role: 'viewer' });
    const bMembers = (await call(adminB, 'GET', '/members')).json().data;
    expect(bMembers.map((m: { email: string }) => m.email)).toEqual(['owner@org-b.example.com']);
    const bTokens = (await call(adminB, 'GET', '/tokens')).json().data;
    expect(bTokens.map((x: { id: string }) => x.id)).toEqual([adminB.id]);

    const session = await loginAs(app, ownerA);
    const toB = await app.inject({ method: 'POST', url: '/api/v1/auth/switch', headers: session.writeHeaders, payload: { org: 'org-b' } });
    expect(toB.statusCode).toBe(404);
    expect(toB.json().error.code).toBe('ORG_NOT_FOUND');
    const still = await app.inject({ method: 'GET', url: '/api/v1/orgs/current', headers: { cookie: session.cookie } });
    expect(still.json().slug).toBe('org-a');
  });

  it("never shows another organization's events in /audit/events", async () => {
    const aIds = new Set<string>();
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await call(a.owner, 'GET', `/audit/events?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      for (const e of page.json().data) aIds.add(e.id);
      cursor = page.json().nextCursor;
    }
    expect(aIds.size).toBeGreaterThan(10);
    const b = (await call(adminB, 'GET', '/audit/events?limit=500')).json().data;
    expect(b.length).toBeGreaterThan(0);
    expect(b.filter((e: { id: string }) => aIds.has(e.id))).toEqual([]);
    const aSubjects = new Set([viewerA.id, ownerA.id, ...Object.values(a).map((x) => x.id)]);
    expect(b.filter((e: { subject: { id: string } }) => aSubjects.has(e.subject.id))).toEqual([]);
    const filtered = (await call(adminB, 'GET', `/audit/events?subject=user:${viewerA.id}`)).json().data;
    expect(filtered).toEqual([]);
  });
});
