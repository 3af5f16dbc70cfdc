// A public status page with 200 components (each mapped to its own monitor) served by a Custos
// child process on SQLite, loaded over loopback by a bounded keep-alive client; against a bare
// Fastify handler sending the same bytes, started the same way and measured in alternating rounds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { appModules } from '../src/app/modules.ts';
import { loadConfig } from '../src/config/index.ts';
import { createAdmin, servicesOf } from '../src/modules/auth/index.ts';
import { createDefaultProbeRegistry, createMonitor } from '../src/modules/monitors/index.ts';
import { createComponent, createPageIncident, createStatusPage, type MonitorFacts } from '../src/modules/statuspages/index.ts';
import { cliActor, serviceCtx } from '../src/platform/context.ts';
import { createRuntime, migrateRuntime } from '../src/platform/runtime.ts';
import { cpuSeconds, freePort, start, stop, waitFor } from './lib/process.ts';

const COMPONENTS = 200;
const CONNECTIONS = 50;
const WARMUP_MS = 2_000;
/** Custos and the baseline take turns in short rounds, so both meet the same background load. */
const ROUNDS = 6;
const ROUND_MS = 2_000;
const SLUG = 'bench';

interface LoadResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  statuses: Record<string, number>;
  bytesPerResponse: number;
  /** CPU time the server process spent per response: steadier than req/s on a busy machine. */
  serverCpuUsPerRequest?: number;
}

/**
 * `connections` keep-alive sockets, each sending the next request when the previous response
 * has fully arrived, until `durationMs` is over. Parses only the status line and Content-Length.
 */
async function load(port: number, path: string, headers: string, durationMs: number) {
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}\r\n`);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  const deadline = performance.now() + durationMs;
  const connection = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      let head: Buffer | null = null;
      let remaining = -1;
      let sentAt = 0;
      const send = () => {
        if (performance.now() >= deadline) return void socket.end();
        sentAt = performance.now();
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('data', (data: Buffer) => {
        let chunk = data;
        while (chunk.length > 0) {
          if (remaining < 0) {
            head = head ? Buffer.concat([head, chunk]) : chunk;
            const end = head.indexOf('\r\n\r\n');
            if (end < 0) return;
            const text = head.toString('latin1', 0, end);
            const status = text.slice(9, 12);
            statuses[status] = (statuses[status] ?? 0) + 1;
            remaining = Number(/\r\ncontent-length: *(\d+)/i.exec(text)?.[1] ?? 0);
            bytes += remaining;
            chunk = head.subarray(end + 4);
            head = null;
          } else {
            const take = Math.min(remaining, chunk.length);
            remaining -= take;
            chunk = chunk.subarray(take);
          }
          if (remaining === 0) {
            remaining = -1;
            latencies.push(performance.now() - sentAt);
            send();
          }
        }
      });
      socket.on('error', () => {
        errors++;
        resolve();
      });
      socket.on('close', () => resolve());
    });
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  const elapsed = performance.now() - startedAt;
  return { latencies, elapsed, errors, statuses, bytes };
}

type Run = Awaited<ReturnType<typeof load>>;

function summarize(runs: Run[], cpuSeconds: number): LoadResult {
  const sorted = runs.flatMap((r) => r.latencies).toSorted((a, b) => a - b);
  const elapsed = runs.reduce((sum, r) => sum + r.elapsed, 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
  return {
    requests: sorted.length,
    rps: Math.round((sorted.length / elapsed) * 1000),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: at(1),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    statuses,
    bytesPerResponse: sorted.length ? Math.round(runs.reduce((sum, r) => sum + r.bytes, 0) / sorted.length) : 0,
    serverCpuUsPerRequest: Math.round((cpuSeconds / sorted.length) * 1e6),
  };
}

interface Target {
  pid: number;
  port: number;
  path: string;
}

/** Warms every target, then runs `ROUNDS` rounds of `roundMs` on each in turn; CPU is the server's. */
async function measure(targets: Target[], headers: string, roundMs = ROUND_MS, rounds = ROUNDS): Promise<LoadResult[]> {
  for (const t of targets) await load(t.port, t.path, headers, WARMUP_MS);
  const runs: Run[][] = targets.map(() => []);
  const cpu = targets.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    for (const [i, t] of targets.entries()) {
      const before = cpuSeconds(t.pid);
      runs[i].push(await load(t.port, t.path, headers, roundMs));
      cpu[i] += cpuSeconds(t.pid) - before;
    }
  }
  return targets.map((_, i) => summarize(runs[i], cpu[i]));
}

const dir = mkdtempSync(join(tmpdir(), 'custos-bench-statuspage-'));
const databaseUrl = `sqlite:${join(dir, 'custos.db')}`;

// Every monitor checks a loopback TCP listener, so the page shows real "up" states.
const target = net.createServer((socket) => socket.end());
await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', () => resolve()));
const targetPort = (target.address() as net.AddressInfo).port;

const setupStarted = performance.now();
const runtime = createRuntime({ config: loadConfig({ env: {}, overrides: { databaseUrl, dataDir: dir, logLevel: 'silent' } }), modules: appModules() });
const migrated = await migrateRuntime(runtime);
if (migrated.failed) throw new Error(`migration ${migrated.failed.name} failed: ${migrated.failed.error}`);
const services = servicesOf(runtime);
const admin = await createAdmin({ services, actor: cliActor(), input: { email: 'bench@example.com', password: 'benchmark password', orgSlug: 'bench' } });
const ctx = serviceCtx(services, admin.org.id, cliActor());
const probes = createDefaultProbeRegistry();
const monitorIds: string[] = [];
for (let i = 0; i < COMPONENTS; i++) {
  const input = { name: `service-${i}`, type: 'tcp', settings: { host: '127.0.0.1', port: targetPort }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused: false };
  monitorIds.push((await createMonitor({ ctx, probes, input })).id);
}
const page = await createStatusPage({
  ctx,
  input: { slug: SLUG, title: 'Bench Corp', description: 'Status of every Bench Corp service', brandColor: '#1f2937', accentColor: '#0969da', published: true, showUptime: true },
});
const known: MonitorFacts = { states: async (_org, ids) => new Map(ids.map((id) => [id, { state: 'pending', name: id }])), dailyUptime: async () => new Map() };
for (let i = 0; i < COMPONENTS; i++) {
  await createComponent({ ctx, pageId: page.id, facts: known, input: { name: `Service ${i}`, group: `Region ${Math.floor(i / 50) + 1}`, monitorIds: [monitorIds[i]] } });
}
await createPageIncident({ ctx, pageId: page.id, input: { title: 'Elevated latency in Region 2', message: 'We are investigating slow responses.', impact: 'minor', status: 'investigating', componentIds: [] } });
await runtime.runner.stop(1000);
await runtime.store.close();
const setupMs = Math.round(performance.now() - setupStarted);

const port = await freePort();
const child = start(['src/main.ts', 'serve'], {
  CUSTOS_PORT: String(port),
  CUSTOS_HOST: '127.0.0.1',
  CUSTOS_DATA_DIR: dir,
  CUSTOS_DATABASE_URL: databaseUrl,
  CUSTOS_LOG_LEVEL: 'warn',
});
let result: Record<string, unknown>;
try {
  await waitFor(`http://127.0.0.1:${port}/api/health`, (s) => s === 200, 60_000);
  const coldStart = performance.now();
  await waitFor(`http://127.0.0.1:${port}/status/${SLUG}`, (s) => s === 200, 60_000);
  const coldRenderMs = Math.round(performance.now() - coldStart);

  // The scheduler spreads first checks over the interval; wait (bounded) until the page shows them.
  let upComponents = 0;
  for (const end = Date.now() + 75_000; Date.now() < end; await new Promise((r) => setTimeout(r, 1000))) {
    const summary = (await (await fetch(`http://127.0.0.1:${port}/status/${SLUG}/status.json`)).json()) as { components: { status: string }[] };
    upComponents = summary.components.filter((c) => c.status === 'operational').length;
    if (upComponents === COMPONENTS) break;
  }

  // Today's uptime is re-read once a minute; measure once the rendering has settled (bounded).
  let stableForMs = 0;
  for (let last = '', end = Date.now() + 90_000; Date.now() < end && stableForMs < 8_000; await new Promise((r) => setTimeout(r, 1000))) {
    const etag = (await fetch(`http://127.0.0.1:${port}/status/${SLUG}`, { method: 'HEAD' })).headers.get('etag') ?? '';
    stableForMs = etag === last ? stableForMs + 1000 : 0;
    last = etag;
  }

  // What the process spends with no requests (scheduler, jobs, page refreshes), to read CPU per request against.
  const idleBefore = cpuSeconds(child.pid!);
  await new Promise((r) => setTimeout(r, 5_000));
  const idleCpuPercent = Math.round(((cpuSeconds(child.pid!) - idleBefore) / 5) * 1000) / 10;

  const gzipped = Buffer.from(await (await fetch(`http://127.0.0.1:${port}/status/${SLUG}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer());
  const raw = await fetch(`http://127.0.0.1:${port}/status/${SLUG}`, { headers: { 'accept-encoding': 'identity' } });
  const html = Buffer.from(await raw.arrayBuffer());
  const wire = await new Promise<Buffer>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.end(`GET /status/${SLUG} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n`));
    const parts: Buffer[] = [];
    s.on('data', (d: Buffer) => parts.push(d)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  });
  const gzipBody = wire.subarray(wire.indexOf('\r\n\r\n') + 4);
  if (gunzipSync(gzipBody).length !== html.length || gzipped.length !== html.length) throw new Error('gzip and identity bodies differ');

  writeFileSync(join(dir, 'page.html'), html);
  writeFileSync(join(dir, 'page.html.gz'), gzipBody);
  const fastifyUrl = pathToFileURL(join(process.cwd(), 'node_modules/fastify/fastify.js')).href;
  writeFileSync(
    join(dir, 'bare.mjs'),
    `import Fastify from '${fastifyUrl}';
import { readFileSync } from 'node:fs';
const html = readFileSync(${JSON.stringify(join(dir, 'page.html'))});
const gz = readFileSync(${JSON.stringify(join(dir, 'page.html.gz'))});
const app = Fastify();
app.get('/page', (req, reply) => {
  reply.type('text/html; charset=utf-8');
  if (/gzip/.test(req.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(gz);
  return reply.send(html);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`,
  );
  const barePort = await freePort();
  const bare = start([join(dir, 'bare.mjs')], { PORT: String(barePort) });
  let custos: LoadResult;
  let baseline: LoadResult;
  let custosIdentity: LoadResult;
  let custosNotModified: LoadResult;
  const etag = raw.headers.get('etag') ?? '';
  try {
    await waitFor(`http://127.0.0.1:${barePort}/page`, (s) => s === 200);
    const custosTarget = { pid: child.pid!, port, path: `/status/${SLUG}` };
    [custos, baseline] = await measure([custosTarget, { pid: bare.pid!, port: barePort, path: '/page' }], 'Accept-Encoding: gzip, deflate\r\n');
    [custosIdentity] = await measure([custosTarget], '', 3_000, 1);
    // A browser or proxy revalidating its copy: the ETag matches, so the answer is a bodiless 304.
    [custosNotModified] = await measure([custosTarget], `Accept-Encoding: gzip, deflate\r\nIf-None-Match: ${etag}\r\n`, 3_000, 1);
  } finally {
    await stop(bare);
  }

  result = {
    benchmark: 'statuspage',
    setup: { components: COMPONENTS, monitors: COMPONENTS, upComponents, settled: stableForMs >= 8_000, setupMs, coldRenderMs, idleCpuPercent },
    load: { connections: CONNECTIONS, warmupMs: WARMUP_MS, rounds: ROUNDS, roundMs: ROUND_MS, acceptEncoding: 'gzip' },
    page: { htmlBytes: html.length, gzipBytes: gzipBody.length },
    custos,
    baselineBareFastify: baseline,
    custosWithoutGzip: custosIdentity,
    custosNotModified,
    ratios: {
      rpsVsBaseline: Math.round((custos.rps / baseline.rps) * 100) / 100,
      p99VsBaseline: Math.round((custos.p99Ms / baseline.p99Ms) * 100) / 100,
      cpuPerRequestVsBaseline: Math.round((custos.serverCpuUsPerRequest! / baseline.serverCpuUsPerRequest!) * 100) / 100,
    },
    targets: { rps: 5000, p99Ms: 20 },
    pass: custos.rps >= 5000 && custos.p99Ms < 20 && custos.errors === 0 && Object.keys(custos.statuses).join() === '200',
  };
} finally {
  await stop(child);
  target.close();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
