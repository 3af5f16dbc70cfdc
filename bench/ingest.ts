// Sentry envelopes per second accepted by Custos (answered 200 only after the durable queue
// write) with the digest keeping up, on a fresh SQLite database: a closed-loop keep-alive
// loopback load (autocannon) of CONCURRENCY requests in flight, one ≈2 KB gzip event per envelope, for
// SECONDS after a warm-up; then a bare Fastify handler measured the same way in the same run.
// Zero silent loss: every 200 must be a stored event, every 429 a counted rejection.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';
import { runLoad, type LoadResult } from './lib/load.ts';
import { SqliteReader } from './lib/sqlite-reader.ts';
import { cpuSeconds, freePort, rssMb, start, stop, waitFor } from './lib/process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 15);
const WARMUP_MS = 5_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const POOL = 2_000;
const TARGET = 5_000;
const EMAIL = 'bench@example.com';
const PASSWORD = 'bench password 123';

const TYPES = ['TypeError', 'RangeError', 'PaymentDeclined', 'TimeoutError', 'ValidationError', 'NotFoundError', 'ConflictError', 'SyntaxError'];
const words = (i: number, n: number) => Array.from({ length: n }, (_, k) => `w${(i * 7 + k * 13) % 97}`).join(' ');

/** A Node SDK-shaped error event of about 2 KB, without its event id (the envelope header carries it). */
function makeEvent(i: number): Record<string, unknown> {
  const kind = i % 40;
  const frame = (k: number, inApp: boolean) => ({
    filename: inApp ? `/srv/app/src/${['checkout', 'basket', 'payments', 'users'][k % 4]}.js` : `/srv/app/node_modules/express/lib/router/layer.js`,
    module: inApp ? `src:${['checkout', 'basket', 'payments', 'users'][k % 4]}` : 'express.lib.router:layer',
    function: inApp ? `handle${TYPES[(kind + k) % TYPES.length]}${k}` : 'Layer.handle [as handle_request]',
    lineno: 10 + k * 7,
    colno: 5 + k,
    in_app: inApp,
    context_line: inApp ? `    const result = await step${k}(order, ${kind});` : '    fn(req, res, next);',
  });
  return {
    timestamp: Date.now() / 1000,
    platform: 'node',
    level: i % 10 === 0 ? 'warning' : 'error',
    release: `shop@2.3.${i % 5}`,
    environment: i % 3 === 0 ? 'staging' : 'production',
    server_name: `web-${i % 8}`,
    exception: {
      values: [
        {
          type: TYPES[kind % TYPES.length],
          value: `Order ${100_000 + i} failed after ${i % 30} ms for customer ${i % 500}`,
          mechanism: { type: 'onuncaughtexception', handled: false },
          stacktrace: { frames: [frame(0, false), frame(kind % 4, true), frame((kind + 1) % 4, true), frame(kind, true)] },
        },
      ],
    },
    user: { id: `user-${i % 500}`, email: `customer${i % 500}@example.com`, ip_address: `10.0.${i % 200}.${i % 250}` },
    tags: { domain: ['payments', 'search', 'accounts'][i % 3], region: ['eu-west-1', 'us-east-1'][i % 2] },
    contexts: { runtime: { name: 'node', version: 'v24.2.0' }, os: { name: 'Linux', version: '6.8.0' }, trace: { trace_id: randomBytes(16).toString('hex'), span_id: randomBytes(8).toString('hex') } },
    breadcrumbs: { values: Array.from({ length: 3 }, (_, k) => ({ timestamp: Date.now() / 1000 - k, category: 'http', message: `GET /api/orders/${i + k} ${words(i + k, 3)}`, level: 'info' })) },
    request: { url: `https://shop.example.com/checkout/${i % 50}`, method: 'POST', headers: { 'User-Agent': 'Mozilla/5.0', Cookie: `sid=${i}`, Accept: 'application/json' } },
    extra: { orderId: 100_000 + i, attempt: i % 3, note: words(i, 6) },
    sdk: { name: 'sentry.javascript.node', version: '11.12.0' },
  };
}

/** A gzip member holding `data` in a stored block; gzip members concatenate into one stream. */
function storedGzip(data: Buffer): Buffer {
  const head = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, data.length & 0xff, data.length >> 8, ~data.length & 0xff, (~data.length >> 8) & 0xff]);
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(crc32(data), 0);
  tail.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, tail]);
}

const pool = Array.from({ length: POOL }, (_, i) => gzipSync(`{"type":"event","content_type":"application/json"}\n${JSON.stringify(makeEvent(i))}\n`));
const eventBytes = Math.round(Array.from({ length: 50 }, (_, i) => JSON.stringify(makeEvent(i)).length).reduce((a, b) => a + b) / 50);
const runId = randomBytes(8).toString('hex');
let counter = 0;

/** Every body has a fresh event id in a small first member, then a pooled compressed event. */
function body(): Buffer {
  const id = `${runId}${(counter++).toString(16).padStart(16, '0')}`;
  return Buffer.concat([storedGzip(Buffer.from(`{"event_id":"${id}","sent_at":"${new Date().toISOString()}"}\n`)), pool[counter % POOL]]);
}

/** CPU seconds per kind of thread of a process (MainThread, WorkerThread, V8Worker, …), from /proc. */
function threadCpu(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      out[name] = (out[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** CONCURRENCY connections, each posting its next envelope when the last one was answered. */
function load(port: number, path: string, durationMs: number, onSecond?: (second: number) => void): Promise<LoadResult> {
  return runLoad({
    port,
    connections: CONCURRENCY,
    durationMs,
    method: 'POST',
    headers: { 'content-type': 'application/x-sentry-envelope', 'content-encoding': 'gzip' },
    next: () => ({ path, body: body() }),
    onSecond,
  });
}

async function request(port: number, method: string, path: string, headers: Record<string, string>, payload?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) }, body: payload ? JSON.stringify(payload) : undefined });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null, headers: res.headers };
}

async function createProject(port: number): Promise<{ number: number; key: string }> {
  let login = await request(port, 'POST', '/api/v1/auth/login', {}, { email: EMAIL, password: PASSWORD });
  for (let i = 0; i < 50 && login.status === 401; i++) {
    await new Promise((r) => setTimeout(r, 100));
    login = await request(port, 'POST', '/api/v1/auth/login', {}, { email: EMAIL, password: PASSWORD });
  }
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const created = await request(port, 'POST', '/api/v1/projects', { cookie, 'x-csrf-token': String(login.json!.csrfToken) }, { name: 'Bench shop' });
  if (created.status !== 201) throw new Error(`project create answered ${created.status}`);
  return { number: Number(created.json!.number), key: new URL(String(created.json!.dsn)).username };
}

const dir = mkdtempSync(join(tmpdir(), 'custos-bench-ingest-'));
const dbPath = join(dir, 'custos.db');
const port = await freePort();
const custos = start([...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []), 'src/main.ts', 'serve'], {
  CUSTOS_PORT: String(port),
  CUSTOS_HOST: '127.0.0.1',
  CUSTOS_DATA_DIR: dir,
  CUSTOS_DATABASE_URL: `sqlite:${dbPath}`,
  CUSTOS_LOG_LEVEL: 'warn',
  CUSTOS_ADMIN_EMAIL: EMAIL,
  CUSTOS_ADMIN_PASSWORD: PASSWORD,
});
const samples: { second: number; rssMb: number; queued: number; lagMs: number }[] = [];
let custosLoad: LoadResult;
let drainMs = -1;
let reader: SqliteReader | null = null;
let cpu = 0;
let threads: Record<string, number> = {};
try {
  await waitFor(`http://127.0.0.1:${port}/api/health`, (s) => s === 200);
  const project = await createProject(port);
  reader = new SqliteReader(dbPath);
  const r = reader;
  const path = `/api/${project.number}/envelope/?sentry_key=${project.key}&sentry_version=7&sentry_client=bench/1.0`;
  await load(port, path, WARMUP_MS);
  const sample = (second: number) => {
    const first = r.number(`select seq from error_ingest_queue where status = 'queued' order by seq limit 1`);
    const last = r.number(`select seq from error_ingest_queue where status = 'queued' order by seq desc limit 1`);
    const oldest = first ? r.number(`select received_at from error_ingest_queue where seq = ?`, first) : 0;
    samples.push({ second, rssMb: rssMb(custos.pid!), queued: first ? last - first + 1 : 0, lagMs: oldest ? Date.now() - oldest : 0 });
  };
  const cpu0 = cpuSeconds(custos.pid!);
  const threads0 = threadCpu(custos.pid!);
  custosLoad = await load(port, path, SECONDS * 1000, sample);
  cpu = cpuSeconds(custos.pid!) - cpu0;
  const threads1 = threadCpu(custos.pid!);
  threads = Object.fromEntries(Object.keys(threads1).map((k) => [k, threads1[k] - (threads0[k] ?? 0)]));
  const t0 = Date.now();
  while (Date.now() - t0 < 300_000) {
    if (!r.number(`select seq from error_ingest_queue where status = 'queued' limit 1`)) {
      drainMs = Date.now() - t0;
      break;
    }
    await new Promise((res) => setTimeout(res, 100));
  }
} finally {
  await stop(custos);
}
const stored = reader!.number('select count(*) from error_events');
const rejectedCounted = reader!.number(`select coalesce(sum(quantity), 0) from error_outcomes where outcome = 'rejected' and category = 'error'`);
const acceptedCounted = reader!.number(`select coalesce(sum(quantity), 0) from error_outcomes where outcome = 'accepted' and category = 'error'`);
const failed = reader!.number(`select count(*) from error_ingest_queue where status = 'failed'`);
const issues = reader!.number('select count(*) from error_issues');
reader!.close();

const bare = join(dir, 'bare.mjs');
writeFileSync(
  bare,
  `import Fastify from '${import.meta.resolve('fastify')}';
const app = Fastify();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (req, body, done) => done(null, body));
app.post('/api/:project/envelope/', async () => ({ id: 'x' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`,
);
const barePort = await freePort();
const baseline = start([bare], { PORT: String(barePort) });
let bareLoad: LoadResult;
try {
  await waitFor(`http://127.0.0.1:${barePort}/`, (s) => s === 404);
  await load(barePort, '/api/1/envelope/', 2_000);
  bareLoad = await load(barePort, '/api/1/envelope/', BASELINE_SECONDS * 1000);
} finally {
  await stop(baseline);
}
rmSync(dir, { recursive: true, force: true });

const sent = custosLoad.ok + custosLoad.rejected;
const max = (xs: number[]) => Math.max(0, ...xs);
const result = {
  benchmark: 'ingest',
  concurrency: CONCURRENCY,
  seconds: SECONDS,
  eventJsonBytes: eventBytes,
  gzipBytesPerRequest: Math.round(pool.reduce((n, b) => n + b.length, 0) / POOL) + 90,
  custos: {
    ...custosLoad,
    cpuSecondsPerSecond: Math.round((cpu / SECONDS) * 100) / 100,
    cpuMicrosecondsPerEvent: Math.round((cpu / Math.max(1, custosLoad.ok)) * 1e6),
    cpuMicrosecondsPerEventByThread: Object.fromEntries(Object.entries(threads).filter(([, s]) => s > 0).map(([k, s]) => [k, Math.round((s / Math.max(1, custosLoad.ok)) * 1e6)])),
    maxRssMb: max(samples.map((s) => s.rssMb)),
    maxQueued: max(samples.map((s) => s.queued)),
    maxDigestLagMs: max(samples.map((s) => s.lagMs)),
    drainAfterLoadMs: drainMs,
    issues,
  },
  accounting: {
    answered200: custosLoad.ok,
    answered429: custosLoad.rejected,
    storedEvents: stored,
    acceptedCounted,
    rejectedCounted,
    parkedAsFailed: failed,
  },
  baselineBareFastify: bareLoad,
  ratioVsBareFastify: Math.round((custosLoad.perSecond / bareLoad.perSecond) * 100) / 100,
  target: { eventsPerSecond: TARGET, sustainedSeconds: SECONDS },
  // Warm-up events count too: everything answered 200 must be stored, everything refused counted.
  pass: custosLoad.perSecond >= TARGET && custosLoad.errors === 0 && drainMs >= 0 && stored === acceptedCounted && rejectedCounted >= custosLoad.rejected && sent > 0,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
