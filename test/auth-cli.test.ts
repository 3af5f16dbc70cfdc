import { spawnSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { verifyChain } from '../src/modules/audit/index.ts';
import { findOrgBySlug } from '../src/modules/auth/index.ts';
import { bearer, createOrgWithOwner, TEST_PASSWORD } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('custos admin create and token create', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  function custos(args: string[]) {
    const r = spawnSync(process.execPath, ['src/main.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_LOG_LEVEL: 'error' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  const headOf = async (slug: string) => {
    const org = await findOrgBySlug(t.runtime.db, slug);
    return verifyChain(t.runtime.db, org!.id);
  };

  it('creates the owner and the organization once; running it again changes nothing', async () => {
    const args = ['admin', 'create', '--email', 'Ops@Example.com', '--password', TEST_PASSWORD, '--org', 'ops', '-o', 'json'];
    const first = custos(args);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).data).toMatchObject({ email: 'ops@example.com', org: 'ops', createdUser: true, createdOrg: true });
    const head = await headOf('ops');
    expect(head.ok).toBe(true);

    const second = custos(args);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).data).toMatchObject({ userId: JSON.parse(first.stdout).data.userId, createdUser: false, createdOrg: false });
    expect(await headOf('ops')).toEqual(head);

    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ops@example.com', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json().role).toBe('owner');
  });

  it('prints a working token on the last line of stdout and audits its creation as the CLI', async () => {
    await createOrgWithOwner(t.runtime, 'ci-org', { email: 'ops@example.com' });
    const r = custos(['token', 'create', '--org', 'ci-org', '--role', 'admin', '--name', 'pipeline']);
    expect(r.code, r.stderr).toBe(0);
    const token = r.stdout.trimEnd().split('\n').at(-1)!;
    expect(token).toMatch(/^cst_\S+$/);

    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ org: { slug: 'ci-org' }, role: 'admin', token: { name: 'pipeline' } });
    const events = await app.inject({ method: 'GET', url: '/api/v1/audit/events?action=token.create', headers: bearer(token) });
    expect(events.json().data[0]).toMatchObject({ actor: { type: 'cli' }, data: { name: 'pipeline', role: 'admin' } });
    expect(events.body).not.toContain(token);
  });
});
