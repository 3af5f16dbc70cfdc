import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { verifyChain } from '../src/modules/audit/index.ts';
import { TEST_PASSWORD } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const SETUP = { email: 'First@Example.com', password: TEST_PASSWORD, name: 'First Owner', orgSlug: 'first', orgName: 'First Org' };

describeEachDialect('first-run setup', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;

  beforeEach(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const setup = (payload: Record<string, unknown> = SETUP) => app.inject({ method: 'POST', url: '/api/v1/setup', payload });
  const needed = async () => (await app.inject({ method: 'GET', url: '/api/v1/setup' })).json().needed;

  it('creates the first owner once, logs them in, and then answers SETUP_DONE', async () => {
    expect(await needed()).toBe(true);
    const res = await setup();
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'owner' });
    const cookie = res.cookies.find((c) => c.name === 'custos_session');
    expect(cookie).toMatchObject({ httpOnly: true });

    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `custos_session=${cookie!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: 'first@example.com', name: 'First Owner' }, org: { slug: 'first', name: 'First Org' }, role: 'owner' });
    expect(await needed()).toBe(false);

    const again = await setup({ ...SETUP, email: 'intruder@example.com', orgSlug: 'intruder' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_DONE');
    expect(again.cookies).toEqual([]);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'intruder@example.com', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect((await verifyChain(t.runtime.db, res.json().orgId)).ok).toBe(true);
  });

  it('lets only one of two simultaneous setups win', async () => {
    const [first, second] = await Promise.all([setup(), setup({ ...SETUP, email: 'rival@example.com', orgSlug: 'rival' })]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    expect([first, second].find((r) => r.statusCode === 409)!.json().error.code).toBe('SETUP_DONE');
  });

  it('names the invalid fields of a bad setup request', async () => {
    const res = await setup({ email: 'not-an-email', password: 'short', orgSlug: 'Bad Slug', orgName: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'orgSlug', 'password']);
    expect(await needed()).toBe(true);
  });
});
