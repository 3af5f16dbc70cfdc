import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import type { AuditTables } from '../src/modules/audit/schema.ts';
import type { AuthTables } from '../src/modules/auth/schema.ts';
import { DAY, ManualClock } from '../src/platform/clock.ts';
import { bearer, createOrgWithOwner, createTokenFor, TEST_PASSWORD, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('API tokens and the audit trail of administration', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let orgId: string;
  let admin: TestToken;

  beforeAll(async () => {
    clock = new ManualClock('2026-06-01T12:00:00Z');
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    orgId = (await createOrgWithOwner(t.runtime, 'tokens')).org.id;
    admin = await createTokenFor(t.runtime, 'tokens', 'admin');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const createToken = async (payload: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin.headers, payload });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; token: string; prefix: string; lastUsedAt: string | null; expiresAt: string | null };
  };
  const me = (token: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
  const listTokens = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    return res;
  };

  it('shows a new token once, stores only its hash and accepts it as a bearer token', async () => {
    const created = await createToken({ name: 'ci', role: 'responder' });
    expect(created.token).toMatch(/^cst_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const res = await me(created.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: null, token: { id: created.id, name: 'ci' }, role: 'responder', org: { id: orgId } });

    const list = await listTokens();
    expect(list.body).not.toContain(created.token);
    const listed = list.json().data.find((x: { id: string }) => x.id === created.id);
    expect(listed).toMatchObject({ name: 'ci', role: 'responder', prefix: created.prefix, revokedAt: null });
    expect(listed).not.toHaveProperty('token');

    const stored = await t.runtime.db.withTables<AuthTables>().selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(created.token);
  });

  it('records when a token was last used', async () => {
    const created = await createToken({ name: 'last-used', role: 'viewer' });
    expect(created.lastUsedAt).toBeNull();
    expect((await me(created.token)).statusCode).toBe(200);
    const listed = (await listTokens()).json().data.find((x: { id: string }) => x.id === created.id);
    expect(listed.lastUsedAt).toBe(new Date(clock.now()).toISOString());
  });

  it('rejects a revoked token, and revoking twice changes nothing', async () => {
    const created = await createToken({ name: 'short-lived', role: 'viewer' });
    expect((await me(created.token)).statusCode).toBe(200);
    const revoke = () => app.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.id}`, headers: admin.headers });
    const first = await revoke();
    expect(first.statusCode).toBe(200);
    expect(first.json().revokedAt).toBe(new Date(clock.now()).toISOString());
    const after = await me(created.token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHORIZED');
    expect((await revoke()).statusCode).toBe(200);
    const events = await app.inject({ method: 'GET', url: `/api/v1/audit/events?action=token.revoke&subject=apiToken:${created.id}`, headers: admin.headers });
    expect(events.json().data).toHaveLength(1);
  });

  it('rejects a token once its expiry has passed', async () => {
    const created = await createToken({ name: 'expiring', role: 'viewer', expiresInDays: 1 });
    expect(created.expiresAt).toBe(new Date(clock.now() + DAY).toISOString());
    expect((await me(created.token)).statusCode).toBe(200);
    clock.advance(DAY - 1);
    expect((await me(created.token)).statusCode).toBe(200);
    clock.advance(1);
    const expired = await me(created.token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHORIZED');
  });

  it('rejects a malformed Authorization header and an unknown token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
    expect((await me(`cst_${'A'.repeat(43)}`)).statusCode).toBe(401);
  });

  it('audits token, member, role and organization changes under their action names, without secrets', async () => {
    const inject = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
      app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, ...(payload ? { payload } : {}) });
    const token = await createToken({ name: 'audited', role: 'viewer' });
    expect((await inject('DELETE', `/tokens/${token.id}`)).statusCode).toBe(200);
    const member = await inject('POST', '/members', { email: `Carol-${dialect}@Example.com`, role: 'viewer', password: TEST_PASSWORD });
    expect(member.statusCode).toBe(201);
    const userId: string = member.json().userId;
    expect((await inject('PATCH', `/members/${userId}`, { role: 'responder' })).statusCode).toBe(200);
    expect((await inject('DELETE', `/members/${userId}`)).statusCode).toBe(204);
    expect((await inject('PATCH', '/orgs/current', { name: 'Tokens Inc' })).statusCode).toBe(200);

    const res = await app.inject({ method: 'GET', url: '/api/v1/audit/events?limit=6', headers: admin.headers });
    const events = res.json().data.toReversed();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['token.create', 'token.revoke', 'member.add', 'member.role_change', 'member.remove', 'org.update']);
    for (const e of events) expect(e.actor).toEqual({ type: 'apiToken', id: admin.id, display: 'token admin token' });
    expect(events[0].subject).toEqual({ type: 'apiToken', id: token.id });
    expect(events[1].subject).toEqual({ type: 'apiToken', id: token.id });
    expect(events[2]).toMatchObject({ subject: { type: 'user', id: userId }, data: { email: `carol-${dialect}@example.com`, role: 'viewer' } });
    expect(events[3].data).toEqual({ before: { role: 'viewer' }, after: { role: 'responder' } });
    expect(events[4]).toMatchObject({ subject: { type: 'user', id: userId }, data: { role: 'responder' } });
    expect(events[5]).toMatchObject({ subject: { type: 'org', id: orgId }, data: { before: { name: 'tokens' }, after: { name: 'Tokens Inc' } } });

    const users = await t.runtime.db.withTables<AuthTables>().selectFrom('users').select('password_hash').execute();
    const tokenHashes = await t.runtime.db.withTables<AuthTables>().selectFrom('api_tokens').select('token_hash').execute();
    const stored = JSON.stringify(await t.runtime.db.withTables<AuditTables>().selectFrom('audit_events').selectAll().execute());
    const secrets = [token.token, admin.token, TEST_PASSWORD, ...users.map((u) => u.password_hash), ...tokenHashes.map((h) => h.token_hash)];
    for (const secret of secrets) expect(stored).not.toContain(secret);
    expect(stored).toContain(token.prefix);

    const verify = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers });
    expect(verify.json().ok).toBe(true);
  });
});
