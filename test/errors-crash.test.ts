import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Store } from '../src/platform/db/index.ts';
import { describeEachDialect, makeDatabase, type TestDatabase } from './helpers/databases.ts';

const EMAIL = 'crash@example.com';
const PASSWORD = 'crash test password';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeEachDialect('kill -9 during an ingest flood', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  let dataDir: string;
  let port: number;
  let child: ChildProcess | null = null;

  const serve = () =>
    spawn(process.execPath, ['src/main.ts', 'serve'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_PORT: String(port), CUSTOS_HOST: '127.0.0.1', CUSTOS_DATA_DIR: dataDir, CUSTOS_DATABASE_URL: database.url, CUSTOS_LOG_LEVEL: 'error', CUSTOS_ADMIN_EMAIL: EMAIL, CUSTOS_ADMIN_PASSWORD: PASSWORD },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const healthy = () => until('healthy', async () => ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200 ? true : undefined));

  beforeAll(async () => {
    database = await makeDatabase(dialect);
    dataDir = mkdtempSync(join(tmpdir(), 'custos-crash-'));
    port = await freePort();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await store?.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every event it answered 200 for', async () => {
    child = serve();
    await healthy();
    const login = await until('login', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
      return res.status === 200 ? res : undefined;
    });
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/projects`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ name: 'Crash' }) });
    const project = (await created.json()) as { number: number; dsn: string };
    const path = `/api/${project.number}/envelope/?sentry_key=${new URL(project.dsn).username}`;

    const acknowledged: string[] = [];
    const flooding = { on: true };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const post = (eventId: string) =>
      new Promise<number>((resolve) => {
        const body = gzipSync(`{"event_id":"${eventId}"}\n{"type":"event"}\n${JSON.stringify({ event_id: eventId, message: `flood ${eventId.slice(-4)}`, level: 'error', extra: { pad: 'x'.repeat(1500) } })}\n`);
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, agent, headers: { 'content-encoding': 'gzip', 'content-length': body.length } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', () => resolve(0));
        req.end(body);
      });
    const flood = Promise.all(
      Array.from({ length: 32 }, async () => {
        while (flooding.on) {
          const eventId = crypto.randomUUID().replaceAll('-', '');
          if ((await post(eventId)) === 200) acknowledged.push(eventId);
        }
      }),
    );
    await until('a flood under way', async () => (acknowledged.length >= 1500 ? true : undefined), 90_000);
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    flooding.on = false;
    await flood;
    agent.destroy();
    expect(acknowledged.length).toBeGreaterThanOrEqual(1500);

    child = serve();
    await healthy();
    store = openDatabase({ url: database.url });
    await until('the queue digested after restart', async () => {
      const left = await sql<{ n: number }>`select count(*) as n from error_ingest_queue where status = 'queued'`.execute(store.db);
      return Number(left.rows[0].n) === 0 ? true : undefined;
    }, 120_000);
    const stored = new Set<string>();
    for (let i = 0; i < acknowledged.length; i += 500) {
      const rows = await sql<{ event_id: string }>`select event_id from error_events where event_id in (${sql.join(acknowledged.slice(i, i + 500))})`.execute(store.db);
      for (const r of rows.rows) stored.add(r.event_id);
    }
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    const failed = await sql<{ n: number }>`select count(*) as n from error_ingest_queue where status = 'failed'`.execute(store.db);
    expect(Number(failed.rows[0].n)).toBe(0);
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    child = null;
  }, 300_000);
});
