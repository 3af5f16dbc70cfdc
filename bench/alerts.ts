// 1,000 simultaneous monitor state changes (`monitor.flip` jobs committed in one transaction, as
// the scheduler writes them) → alerts → routing → group flush → `notification.send` → a signed
// webhook to a loopback receiver in a process of its own. Measures, per state change, the time to
// the first delivery attempt reaching the receiver (p50/p99, target p99 ≤ 1 s) and deliveries per
// second, against the same number of POSTs sent straight to the receiver at the runner's concurrency.
// Usage: npm run bench -- alerts [--count 1000] [--database-url postgres://...]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/index.ts';
import { alertsModule, updateRoutes } from '../src/modules/alerts/index.ts';
import { auditModule } from '../src/modules/audit/index.ts';
import { authModule, createAdmin, servicesOf } from '../src/modules/auth/index.ts';
import { createDefaultProbeRegistry, createMonitor, createMonitorsModule } from '../src/modules/monitors/index.ts';
import { createChannel, createDefaultChannelRegistry, createNotificationsModule } from '../src/modules/notifications/index.ts';
import { cliActor, serviceCtx } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { enqueueJob, type JobTables } from '../src/platform/jobs/index.ts';
import { createRuntime, migrateRuntime } from '../src/platform/runtime.ts';
import { freePort, start, stop, waitFor } from './lib/process.ts';

const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const COUNT = Number(flag('--count') ?? 1000);
/** Without the notifications module: measures up to the `notification.send` job being enqueued. */
const ENQUEUE_ONLY = process.argv.includes('--enqueue-only');
const TIMEOUT_MS = 120_000;

async function postgresSchema(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `custos_bench_${newId().replaceAll('-', '').slice(-12)}`;
  const run = async (q: string) => {
    const c = new Client({ connectionString: base });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`create schema ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => run(`drop schema if exists ${schema} cascade`) };
}

const dir = mkdtempSync(join(tmpdir(), 'custos-bench-alerts-'));
const pg = flag('--database-url') ? await postgresSchema(flag('--database-url')!) : null;
const config = loadConfig({ env: {}, overrides: { databaseUrl: pg?.url ?? `sqlite:${join(dir, 'custos.db')}`, dataDir: dir, logLevel: 'silent' } });
const runtime = createRuntime({ config, modules: [auditModule, authModule, createMonitorsModule(), alertsModule, ...(ENQUEUE_ONLY ? [] : [createNotificationsModule()])] });
const migrated = await migrateRuntime(runtime);
if (migrated.failed) throw new Error(`migration failed: ${migrated.failed.name}: ${migrated.failed.error}`);

const receiverPort = await freePort();
const receiver = start(['bench/lib/webhook-receiver.ts'], { PORT: String(receiverPort) });
const receiverUrl = `http://127.0.0.1:${receiverPort}/hook`;
await waitFor(receiverUrl, (s) => s === 200);
const received = async () => (await (await fetch(receiverUrl)).json()) as { requests: number; firstAttempt: Record<string, number> };

const services = servicesOf(runtime);
const { org } = await createAdmin({ services, actor: cliActor(), input: { email: 'bench@example.com', password: 'bench password 123', orgSlug: 'bench' } });
const ctx = serviceCtx(services, org.id, cliActor());
const channel = ENQUEUE_ONLY
  ? { id: 'bench-channel' }
  : await createChannel({
      ctx,
      deps: { registry: createDefaultChannelRegistry(), secrets: () => runtime.secrets() },
      input: { name: 'loopback', type: 'webhook', settings: { url: receiverUrl, secret: 'bench-secret-0123456789abcdef' }, labels: {}, enabled: true },
    });
const routing = { receivers: [channel.id], group_by: ['monitor_id'], group_wait: '0s' };
await updateRoutes({ ctx, input: routing });
const probes = createDefaultProbeRegistry();
const monitorIds: string[] = [];
for (let i = 0; i < COUNT; i++) {
  const m = await createMonitor({ ctx, probes, input: { name: `svc-${i}`, type: 'tcp', settings: { host: '127.0.0.1', port: 9 }, labels: { env: 'bench' }, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } });
  monitorIds.push(m.id);
}
while ((await runtime.runner.runOnce()).claimed > 0);
runtime.runner.start();

// CPU per state change is the figure that holds on a busy machine, where wall times stretch.
const cpu0 = process.cpuUsage();
if (process.env.BENCH_MARK_T0) process.stderr.write(`t0 monotonic µs ${process.hrtime.bigint() / 1000n}\n`);
const t0 = Date.now();
await runtime.db.transaction().execute(async (tx) => {
  for (const monitorId of monitorIds) {
    const flipId = newId(t0);
    const reason = { cause: 'check', outcome: 'down', errorCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' };
    await enqueueJob(tx, t0, { kind: 'monitor.flip', orgId: org.id, dueAt: t0, idempotencyKey: `flip:${flipId}`, payload: { orgId: org.id, monitorId, flipId, from: 'up', to: 'down', at: t0, reason } });
  }
});
const committedMs = Date.now() - t0;
const sendJobs = () => runtime.db.withTables<JobTables>().selectFrom('jobs').select('created_at').where('kind', '=', 'notification.send').execute();
// Polled every 50 ms: when the last one arrived is what the receiver noted, not when we looked.
while ((ENQUEUE_ONLY ? (await sendJobs()).length : Object.keys((await received()).firstAttempt).length) < COUNT && Date.now() - t0 < TIMEOUT_MS) await new Promise((r) => setTimeout(r, 50));
const cpu = process.cpuUsage(cpu0);
await runtime.runner.stop(5000);
const { requests: deliveryAttempts, firstAttempt } = await received();

const enqueued = await sendJobs();
const pct = (xs: number[], p: number) => (xs.length === 0 ? null : xs.toSorted((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]);
const latencies = Object.values(firstAttempt).map((at) => at - t0);
const enqueueLatencies = enqueued.map((j) => Number(j.created_at) - t0);
const perSecond = (xs: number[]) => (xs.length === 0 ? null : Math.round(xs.length / (Math.max(...xs) / 1000)));

// Baseline: the same number of webhook-sized POSTs straight to the receiver, at the runner's concurrency.
const baselineStart = Date.now();
let next = 0;
const body = JSON.stringify({ version: 1, message: { alerts: [] }, pad: 'x'.repeat(1500) });
await Promise.all(
  Array.from({ length: config.jobConcurrency }, async () => {
    while (next++ < COUNT) await (await fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).arrayBuffer();
  }),
);
const baselinePerSecond = Math.round(COUNT / ((Date.now() - baselineStart) / 1000));

await stop(receiver);
await runtime.store.close();
await pg?.drop();
rmSync(dir, { recursive: true, force: true });

const deliveriesPerSecond = perSecond(latencies);
const p99 = ENQUEUE_ONLY ? pct(enqueueLatencies, 99) : pct(latencies, 99);
const done = ENQUEUE_ONLY ? enqueued.length : latencies.length;
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'alerts',
      dialect: runtime.dialect,
      stateChanges: COUNT,
      measuredTo: ENQUEUE_ONLY
        ? 'notification.send job enqueued (notifications module not loaded)'
        : 'first delivery attempt arriving at a loopback webhook receiver (notification.send handled by the notifications module)',
      routing,
      jobRunner: { concurrency: config.jobConcurrency, pollMs: config.jobPollMs },
      flipsCommittedMs: committedMs,
      firstDeliveryAttemptMs: ENQUEUE_ONLY ? null : { p50: pct(latencies, 50), p90: pct(latencies, 90), p99: pct(latencies, 99), max: pct(latencies, 100) },
      notificationEnqueuedMs: { p50: pct(enqueueLatencies, 50), p90: pct(enqueueLatencies, 90), p99: pct(enqueueLatencies, 99), max: pct(enqueueLatencies, 100) },
      deliveries: ENQUEUE_ONLY ? null : latencies.length,
      deliveryAttempts: ENQUEUE_ONLY ? null : deliveryAttempts,
      deliveriesPerSecond,
      cpuMsPerStateChange: Math.round(((cpu.user + cpu.system) / 1000 / COUNT) * 100) / 100,
      notificationsEnqueuedPerSecond: perSecond(enqueueLatencies),
      baselineDirectPostsPerSecond: baselinePerSecond,
      ratioVsBaseline: deliveriesPerSecond === null ? null : Math.round((deliveriesPerSecond / baselinePerSecond) * 100) / 100,
      target: { p99Ms: 1000 },
      pass: done === COUNT && p99 !== null && p99 <= 1000,
    },
    null,
    2,
  )}\n`,
);
