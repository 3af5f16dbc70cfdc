import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { appModules } from '../src/app/modules.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createRuntime, migrateRuntime } from '../src/platform/runtime.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { testConfig } from './helpers/runtime.ts';
import { enqueueNotification, makeChannel, Receiver, sampleMessage } from './notifications-helpers.ts';

const TOTAL = 120;
const KILL_AFTER_REQUESTS = 20;

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('notification deliveries survive kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custos-notify-crash-'));
  const dbPath = join(dir, 'custos.db');
  const children: ChildProcess[] = [];
  let receiver: Receiver;
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const serve = () => {
    const child = spawn(process.execPath, ['src/main.ts', 'serve'], {
      env: {
        ...process.env,
        CUSTOS_PORT: '0',
        CUSTOS_HOST: '127.0.0.1',
        CUSTOS_DATA_DIR: dir,
        CUSTOS_DATABASE_URL: `sqlite:${dbPath}`,
        CUSTOS_LOG_LEVEL: 'error',
        CUSTOS_JOB_LEASE_MS: '1000',
        CUSTOS_JOB_POLL_MS: '50',
        CUSTOS_JOB_CONCURRENCY: '8',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  };

  const states = () => {
    const db = new DatabaseSync(dbPath, { readOnly: true, timeout: 5_000 });
    try {
      return db.prepare('select state, count(*) as n from notification_deliveries group by state').all() as { state: string; n: number }[];
    } finally {
      db.close();
    }
  };

  it('resumes pending deliveries after the process is killed mid-flight', { timeout: 120_000 }, async () => {
    // Every request is answered late, so some are in flight whenever the process dies.
    receiver = await Receiver.start(() => ({ status: 200, body: 'ok', delayMs: 150 }));
    const seed = createRuntime({ config: testConfig({ databaseUrl: `sqlite:${dbPath}`, dataDir: dir }), modules: appModules(), logger: createLogger({ level: 'silent' }) });
    expect((await migrateRuntime(seed)).failed).toBeNull();
    const { ctx, org } = await createOrgWithOwner(seed, 'crash');
    const channel = await makeChannel(seed, ctx, { name: 'hook', type: 'webhook', settings: { url: `${receiver.url}/in`, secret: 'whsec_crash_test_000001' } });
    for (let i = 0; i < TOTAL; i++) {
      await enqueueNotification(seed, { orgId: org.id, channelId: channel.id, dispatchId: `crash-${i}`, message: sampleMessage({}, org.id) });
    }
    await seed.store.close();

    const first = serve();
    await until(() => receiver.requests.length >= KILL_AFTER_REQUESTS, 60_000, 'the first deliveries');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const beforeRestart = new Set(receiver.requests.map((r) => String(r.headers['idempotency-key'])));
    const delivered = states().find((s) => s.state === 'delivered')?.n ?? 0;
    expect(delivered).toBeLessThan(TOTAL);

    const second = serve();
    await until(() => states().find((s) => s.state === 'delivered')?.n === TOTAL, 60_000, 'every delivery after the restart');
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));

    expect(states()).toEqual([{ state: 'delivered', n: TOTAL }]);
    const perKey = new Map<string, number>();
    for (const r of receiver.requests) perKey.set(String(r.headers['idempotency-key']), (perKey.get(String(r.headers['idempotency-key'])) ?? 0) + 1);
    expect(perKey.size).toBe(TOTAL);
    // A key reached the receiver twice only if its first request was in flight when the process died.
    const repeated = [...perKey].filter(([, n]) => n > 1).map(([key]) => key);
    expect(repeated.every((key) => beforeRestart.has(key))).toBe(true);
    process.stderr.write(`kill -9: ${delivered}/${TOTAL} delivered before the kill, all ${TOTAL} after the restart, ${repeated.length} re-sent with the same idempotency key\n`);
  });
});
