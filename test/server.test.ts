import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../src/app/serve.ts';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from './helpers/databases.ts';
import { testConfig } from './helpers/runtime.ts';
import { TcpProxy } from './helpers/tcp-proxy.ts';
import { testEnv } from '../src/config/index.ts';

async function health(server: Server) {
  const res = await fetch(`${server.url}/api/health`);
  return { status: res.status, body: (await res.json()) as { status: string; failing: string[]; components: Record<string, { status: string }> } };
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('startServer on SQLite', () => {
  let db: TestDatabase;
  let server: Server;
  beforeAll(async () => {
    db = sqliteDatabase();
    server = await startServer(testConfig({ databaseUrl: db.url }));
    await server.ready;
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('serves a healthy /api/health over real HTTP', async () => {
    const h = await until(() => health(server), (v) => v.status === 200);
    expect(h.status).toBe(200);
    expect(h.body.components.jobs.status).toBe('ok');
  });
});

describe.skipIf(!testEnv('CUSTOS_TEST_DATABASE_URL'))('startServer on PostgreSQL that goes away', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let server: Server;

  beforeAll(async () => {
    const base = new URL(testEnv('CUSTOS_TEST_DATABASE_URL')!);
    proxy = new TcpProxy({ host: base.hostname, port: Number(base.port || 5432) });
    await proxy.up();
    base.host = `127.0.0.1:${proxy.port}`;
    db = await postgresDatabase(base.toString());
    await proxy.down();
    server = await startServer(testConfig({ databaseUrl: db.url, jobPollMs: 50 }));
  });
  afterAll(async () => {
    await proxy.up();
    await server.close();
    await db.drop();
    await proxy.down();
  });

  it('starts while the database is down and answers 503 naming it', async () => {
    const h = await health(server);
    expect(h.status).toBe(503);
    expect(h.body.failing).toContain('database');
    expect(h.body.components.database.status).toBe('down');
  });

  it('recovers when the database returns', async () => {
    await proxy.up();
    await server.ready;
    const h = await until(() => health(server), (v) => v.status === 200);
    expect(h.status).toBe(200);
    expect(h.body.components.migrations.status).toBe('ok');
  });

  it('answers 503 again when the database goes away, and stays up', async () => {
    await proxy.down();
    const h = await until(() => health(server), (v) => v.status === 503);
    expect(h.body.failing).toContain('database');
    await proxy.up();
    const back = await until(() => health(server), (v) => v.status === 200);
    expect(back.status).toBe(200);
  });
});
