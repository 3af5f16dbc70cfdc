import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { checkMonitor, createDefaultProbeRegistry } from '../src/modules/monitors/index.ts';
import { loadSecretKeys, SecretBox } from '../src/platform/crypto/index.ts';
import { createOrgWithOwner, createTokenFor, orgCtx, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const PASSWORD = 'hunter2-correct-horse';

/** A target that answers 200 only to the right basic-auth credentials. */
function protectedTarget(password: () => string) {
  return http.createServer((req, res) => {
    const expected = `Basic ${Buffer.from(`probe:${password()}`).toString('base64')}`;
    res.writeHead(req.headers.authorization === expected ? 200 : 401).end();
  });
}

describeEachDialect('monitor credentials at rest', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let admin: TestToken;
  let target: http.Server;
  let targetUrl: string;
  let accepted = PASSWORD;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    await createOrgWithOwner(t.runtime, 'creds');
    admin = await createTokenFor(t.runtime, 'creds', 'admin');
    target = protectedTarget(() => accepted);
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
  });
  afterAll(async () => {
    target.close();
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, payload: payload as object });
  const rows = () => t.runtime.db.withTables<{ monitors: { id: string; settings: string; secrets: string | null } }>().selectFrom('monitors').selectAll().execute();
  const check = async (id: string) => checkMonitor({ ctx: await orgCtx(t.runtime, 'creds'), id, probes: createDefaultProbeRegistry() });

  it('masks a basic-auth password in answers, the stored settings and the audit chain, and checks with it', async () => {
    const res = await call('POST', '/monitors', { name: 'admin api', type: 'http', settings: { url: targetUrl, auth: { type: 'basic', username: 'probe', password: PASSWORD } } });
    expect(res.statusCode).toBe(201);
    const monitor = res.json();
    expect(monitor.settings.auth).toEqual({ type: 'basic', username: 'probe', password: '••••••orse' });
    expect((await call('GET', `/monitors/${monitor.id}`)).json().settings.auth.password).toBe('••••••orse');
    const row = (await rows()).find((r) => r.id === monitor.id)!;
    expect(row.settings).not.toContain(PASSWORD);
    expect(row.secrets).not.toBeNull();
    expect(row.secrets).not.toContain(PASSWORD);
    const audit = (await call('GET', `/audit/events?subject=monitor:${monitor.id}`)).json().data;
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect((await check(monitor.id)).outcome).toBe('up');
  });

  it('keeps the password when an update sends it back masked, and takes a new one', async () => {
    const monitor = (await call('POST', '/monitors', { name: 'billing api', type: 'http', settings: { url: targetUrl, auth: { type: 'basic', username: 'probe', password: PASSWORD } } })).json();
    const renamed = await call('PATCH', `/monitors/${monitor.id}`, { name: 'billing', settings: { ...monitor.settings, timeoutMs: 3000 } });
    expect(renamed.statusCode).toBe(200);
    expect((await check(monitor.id)).outcome).toBe('up');
    accepted = 'a-brand-new-password';
    expect((await check(monitor.id)).outcome).toBe('down');
    const changed = await call('PATCH', `/monitors/${monitor.id}`, { settings: { ...monitor.settings, auth: { type: 'basic', username: 'probe', password: accepted } } });
    expect(changed.json().settings.auth.password).toBe('••••••word');
    expect((await check(monitor.id)).outcome).toBe('up');
    accepted = PASSWORD;
  });

  it('shows a Redis URL without its password and a PostgreSQL password masked', async () => {
    const redis = (await call('POST', '/monitors', { name: 'cache', type: 'redis', settings: { url: 'redis://:s3cret-redis-pass@127.0.0.1:6379/0' } })).json();
    expect(redis.settings.url).toBe('redis://:••••••@127.0.0.1:6379/0');
    const pg = (await call('POST', '/monitors', { name: 'db', type: 'postgres', settings: { host: '127.0.0.1', user: 'app', password: 'pg-password-1234', database: 'app' } })).json();
    expect(pg.settings.password).toBe('••••••1234');
    const plain = (await call('POST', '/monitors', { name: 'open cache', type: 'redis', settings: { url: 'redis://127.0.0.1:6379' } })).json();
    expect(plain.settings.url).toBe('redis://127.0.0.1:6379');
    const stored = await rows();
    expect(JSON.stringify(stored)).not.toContain('s3cret-redis-pass');
    expect(stored.find((r) => r.id === plain.id)!.secrets).toBeNull();
  });

  it('re-encrypts monitor credentials under the new key with `custos secrets rotate`, and checks still pass', async () => {
    const monitor = (await call('POST', '/monitors', { name: 'rotated', type: 'http', settings: { url: targetUrl, auth: { type: 'basic', username: 'probe', password: PASSWORD } } })).json();
    const before = (await rows()).find((r) => r.id === monitor.id)!.secrets;
    const env = { ...process.env, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_DATA_DIR: t.runtime.config.dataDir, CUSTOS_LOG_LEVEL: 'error' };
    const rotate = spawnSync(process.execPath, ['src/main.ts', 'secrets', 'rotate', '--yes', '-o', 'json'], { encoding: 'utf8', env });
    expect(rotate.status, rotate.stderr).toBe(0);
    expect(JSON.parse(rotate.stdout).data.reencrypted).toBeGreaterThanOrEqual(1);
    const after = (await rows()).find((r) => r.id === monitor.id)!.secrets!;
    expect(after).not.toBe(before);
    expect(new SecretBox(loadSecretKeys({ dataDir: t.runtime.config.dataDir })).needsRotation(after)).toBe(false);
    // Asynchronously: the target answering the check lives in this process.
    const cli = await promisify(execFile)(process.execPath, ['src/main.ts', 'monitor', 'check', monitor.id, '--org', 'creds', '-o', 'json'], { encoding: 'utf8', env });
    expect(JSON.parse(cli.stdout).data.outcome).toBe('up');
  });
});
