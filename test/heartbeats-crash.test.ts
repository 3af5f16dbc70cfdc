import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';

const EMAIL = 'crash@example.com';
const PASSWORD = 'crash test password';
const TOTAL = 20_000;
const IN_FLIGHT = 50;
const KILL_AFTER_ACKS = 4_000;
// Spread over enough heartbeats that none reaches the 1,000 pings kept per heartbeat.
const HEARTBEATS = 50;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function request(agent: http.Agent, port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function heartbeatPaths(port: number): Promise<string[]> {
  const agent = new http.Agent();
  let login = { status: 0, body: '', headers: {} as http.IncomingHttpHeaders };
  for (let i = 0; i < 50 && login.status !== 200; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 100));
    login = await request(agent, port, 'POST', '/api/v1/auth/login', {}, JSON.stringify({ email: EMAIL, password: PASSWORD }));
  }
  const cookie = String(login.headers['set-cookie']?.find((c) => c.startsWith('custos_session='))).split(';')[0];
  const auth = { cookie, 'x-csrf-token': JSON.parse(login.body).csrfToken as string };
  const paths: string[] = [];
  for (let i = 0; i < HEARTBEATS; i++) {
    const created = await request(agent, port, 'POST', '/api/v1/monitors', auth, JSON.stringify({ name: `flood ${i}`, type: 'heartbeat', settings: { period: 3600 } }));
    const hb = await request(agent, port, 'GET', `/api/v1/heartbeats/${JSON.parse(created.body).id}`, auth);
    paths.push(new URL(JSON.parse(hb.body).pingUrl).pathname);
  }
  return paths;
}

describe('heartbeat pings survive kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custos-crash-'));
  const dbPath = join(dir, 'custos.db');
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function serve(port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['src/main.ts', 'serve'], {
      env: { ...process.env, CUSTOS_PORT: String(port), CUSTOS_HOST: '127.0.0.1', CUSTOS_DATA_DIR: dir, CUSTOS_DATABASE_URL: `sqlite:${dbPath}`, CUSTOS_LOG_LEVEL: 'error', CUSTOS_ADMIN_EMAIL: EMAIL, CUSTOS_ADMIN_PASSWORD: PASSWORD },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const agent = new http.Agent();
    for (let i = 0; i < 300; i++) {
      const ok = await request(agent, port, 'GET', '/api/health').then((r) => r.status === 200, () => false);
      if (ok) return child;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not become healthy');
  }

  it('keeps every ping that was answered 200', async () => {
    const port = await freePort();
    const server = await serve(port);
    const paths = await heartbeatPaths(port);
    const acked = new Map<string, string>();
    const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    let sent = 0;
    let failed = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (sent < TOTAL && !killed) {
          const n = sent++;
          const rid = randomUUID();
          try {
            const res = await request(agent, port, 'POST', `${paths[n % HEARTBEATS]}?rid=${rid}`, { 'content-type': 'text/plain' }, `run ${n}`);
            if (res.status === 200) acked.set(rid, `run ${n}`);
          } catch {
            failed++;
          }
          if (!killed && acked.size >= KILL_AFTER_ACKS) {
            killed = true;
            server.kill('SIGKILL');
          }
        }
      }),
    );
    agent.destroy();
    expect(killed).toBe(true);
    await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once('exit', r)));
    expect(server.signalCode).toBe('SIGKILL');

    const restartedPort = await freePort();
    await serve(restartedPort);
    expect((await request(new http.Agent(), restartedPort, 'GET', paths[0])).status).toBe(200);

    const db = new DatabaseSync(dbPath, { readOnly: true, timeout: 5_000 });
    const rows = db.prepare('select rid, body from heartbeat_pings where rid is not null').all() as { rid: string; body: string }[];
    db.close();
    const stored = new Map(rows.map((r) => [r.rid, r.body]));
    const lost = [...acked.keys()].filter((rid) => !stored.has(rid));
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(lost).toEqual([]);
    for (const [rid, body] of acked) expect(stored.get(rid)).toBe(body);
    expect(rows.length).toBe(stored.size);
    process.stderr.write(`crash test: ${acked.size} answered 200, ${stored.size} stored, ${failed} requests cut by the kill\n`);
  }, 180_000);
});
