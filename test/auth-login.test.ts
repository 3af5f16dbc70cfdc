import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents, SYSTEM_CHAIN, verifyChain } from '../src/modules/audit/index.ts';
import { servicesOf } from '../src/modules/auth/index.ts';
import { ManualClock, MINUTE } from '../src/platform/clock.ts';
import { serviceCtx, systemActor } from '../src/platform/context.ts';
import { addMemberTo, createOrgWithOwner, createTokenFor, loginAs, type TestToken, type TestUser } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const errorCode = (res: { json(): any }) => res.json().error?.code;

describeEachDialect('login, sessions and the login throttle', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let orgId: string;
  let owner: TestUser;
  let auditor: TestToken;

  beforeAll(async () => {
    clock = new ManualClock('2026-05-04T09:00:00Z');
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    const made = await createOrgWithOwner(t.runtime, 'acme');
    orgId = made.org.id;
    owner = made.owner;
    auditor = await createTokenFor(t.runtime, 'acme', 'auditor');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const login = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  it('sets an HttpOnly SameSite session cookie, returns a CSRF token and audits the login', async () => {
    const res = await login(owner.email.toUpperCase(), owner.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'custos_session');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/' });
    expect(String(cookie!.sameSite).toLowerCase()).toMatch(/^(lax|strict)$/);
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
    const body = res.json();
    expect(body).toMatchObject({ orgId, role: 'owner' });
    expect(typeof body.csrfToken).toBe('string');
    expect(res.body).not.toContain(cookie!.value);

    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `custos_session=${cookie!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: owner.email }, role: 'owner', csrfToken: body.csrfToken });

    const events = await app.inject({ method: 'GET', url: '/api/v1/audit/events?action=auth.login&limit=5', headers: auditor.headers });
    expect(events.json().data[0]).toMatchObject({ action: 'auth.login', actor: { type: 'user', id: owner.id }, subject: { type: 'user', id: owner.id } });
  });

  it('refuses a cookie-authenticated write without the CSRF token and accepts it with the token', async () => {
    const session = await loginAs(app, owner);
    const write = (headers: Record<string, string>) => app.inject({ method: 'PATCH', url: '/api/v1/orgs/current', headers, payload: { name: 'Acme Ltd' } });
    const missing = await write({ cookie: session.cookie });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe('CSRF_TOKEN_INVALID');
    const wrong = await write({ cookie: session.cookie, 'x-csrf-token': `${session.csrfToken}x` });
    expect(errorCode(wrong)).toBe('CSRF_TOKEN_INVALID');
    const other = await loginAs(app, owner);
    expect(errorCode(await write({ cookie: session.cookie, 'x-csrf-token': other.csrfToken }))).toBe('CSRF_TOKEN_INVALID');

    const ok = await write(session.writeHeaders);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('Acme Ltd');
    const read = await app.inject({ method: 'GET', url: '/api/v1/orgs/current', headers: { cookie: session.cookie } });
    expect(read.statusCode).toBe(200);
  });

  it('invalidates the session on logout', async () => {
    const session = await loginAs(app, owner);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.writeHeaders });
    expect(out.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    expect(errorCode(me)).toBe('UNAUTHORIZED');
    const write = await app.inject({ method: 'PATCH', url: '/api/v1/orgs/current', headers: session.writeHeaders, payload: { name: 'After logout' } });
    expect(write.statusCode).toBe(401);
  });

  it('expires a session after its lifetime', async () => {
    const session = await loginAs(app, owner);
    clock.advance(8 * 24 * 60 * MINUTE);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('answers an unknown user like a wrong password and audits it in the system chain', async () => {
    const email = `nobody-${dialect}@example.com`;
    const unknown = await login(email, 'whatever password');
    const wrong = await login(owner.email, 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);

    const services = servicesOf(t.runtime);
    const system = await listAuditEvents({ ctx: serviceCtx(services, SYSTEM_CHAIN, systemActor(), 'auditor'), input: { action: 'auth.login_failed', limit: 50 } });
    expect(system.data.find((e) => e.subject.id === email)).toMatchObject({ data: { reason: 'unknown_user' } });
    expect((await verifyChain(t.runtime.db, SYSTEM_CHAIN)).ok).toBe(true);
    const own = await app.inject({ method: 'GET', url: '/api/v1/audit/events?action=auth.login_failed&limit=500', headers: auditor.headers });
    expect(own.json().data.some((e: { subject: { id: string } }) => e.subject.id === email)).toBe(false);
  });

  it('holds the lock under a burst of 1,000 wrong passwords, keeps other users working and audits every failure', async () => {
    const victim = await addMemberTo(t.runtime, 'acme', 'viewer', `victim-${dialect}@example.com`);
    const bystander = await addMemberTo(t.runtime, 'acme', 'responder', `bystander-${dialect}@example.com`);
    const statuses = new Map<string, number>();
    const bystanderStatuses: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const attempts = Array.from({ length: 50 }, () => login(victim.email, 'a wrong guess!'));
      const bystanding = batch % 7 === 3 ? [login(bystander.email, bystander.password)] : [];
      const [results, others] = await Promise.all([Promise.all(attempts), Promise.all(bystanding)]);
      for (const res of results) {
        const key = `${res.statusCode} ${errorCode(res)}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      bystanderStatuses.push(...others.map((r) => r.statusCode));
    }
    expect([...statuses.keys()].sort()).toEqual(['401 INVALID_CREDENTIALS', '429 LOGIN_THROTTLED']);
    expect(statuses.get('401 INVALID_CREDENTIALS')).toBeLessThanOrEqual(10);
    expect(statuses.get('429 LOGIN_THROTTLED')).toBeGreaterThanOrEqual(990);
    expect(bystanderStatuses).toEqual([200, 200, 200]);

    let failures = 0;
    let cursor: string | null = null;
    do {
      const page: { statusCode: number; json(): any } = await app.inject({
        method: 'GET',
        url: `/api/v1/audit/events?action=auth.login_failed&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        headers: auditor.headers,
      });
      expect(page.statusCode).toBe(200);
      failures += page.json().data.filter((e: { subject: { id: string } }) => e.subject.id === victim.email).length;
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(failures).toBe(1000);
    const verify = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: auditor.headers });
    expect(verify.json()).toMatchObject({ ok: true, firstBad: null });

    const locked = await login(victim.email, victim.password);
    expect(locked.statusCode).toBe(429);
    expect(errorCode(locked)).toBe('LOGIN_THROTTLED');
    expect((await login(bystander.email, bystander.password)).statusCode).toBe(200);

    clock.advance(16 * MINUTE);
    expect((await login(victim.email, victim.password)).statusCode).toBe(200);
    expect((await login(victim.email, 'a wrong guess!')).statusCode).toBe(401);
  });
});
