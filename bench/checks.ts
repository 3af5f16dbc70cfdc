// Checks benchmark: N HTTP monitors at 60 s against a loopback target in another process, run by a
// real `custos serve` child on SQLite. Prints one JSON object (see README of the issue for the targets).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDatabase } from './lib/custos-db.ts';
import { cpuSeconds, freePort, rssMb, start, stop, waitFor } from './lib/process.ts';
import { histogramQuantile, scrape, total, type Samples } from './lib/prometheus.ts';
import { SqliteReader } from './lib/sqlite-reader.ts';

const { values: args } = parseArgs({
  options: {
    monitors: { type: 'string', default: '50000' },
    seconds: { type: 'string', default: '180' },
    'restart-monitors': { type: 'string', default: '10000' },
    interval: { type: 'string', default: '60' },
    hosts: { type: 'string', default: '1', description: 'spread the monitors over this many loopback addresses of the one target process' },
    'log-level': { type: 'string', default: 'warn' },
    profile: { type: 'string', description: 'write a CPU profile of the main Custos run into this folder' },
  },
});
const N = Number(args.monitors);
const SECONDS = Number(args.seconds);
const RESTART_N = Number(args['restart-monitors']);
const INTERVAL = Number(args.interval);
const HOSTS = Number(args.hosts);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number | null, d = 2) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
const dir = mkdtempSync(join(tmpdir(), 'custos-bench-checks-'));

async function startCustos(name: string, port: number, nodeArgs: string[] = []) {
  const dataDir = join(dir, name);
  const env = { CUSTOS_PORT: String(port), CUSTOS_HOST: '127.0.0.1', CUSTOS_DATA_DIR: dataDir, CUSTOS_DATABASE_URL: `sqlite:${join(dataDir, 'custos.db')}`, CUSTOS_LOG_LEVEL: args['log-level'] ?? 'warn' };
  const spawnedAt = Date.now();
  const child = start([...nodeArgs, 'src/main.ts', 'serve'], env);
  await waitFor(`http://127.0.0.1:${port}/api/health`, (s) => s === 200, 60_000);
  return { child, spawnedAt, metrics: `http://127.0.0.1:${port}/metrics` };
}

/** Polls until the scheduler reports `n` monitors; returns when (epoch ms). */
async function scheduleLoaded(metricsUrl: string, n: number): Promise<{ at: number; loadSeconds: number }> {
  for (;;) {
    const m = await scrape(metricsUrl).catch(() => new Map() as Samples);
    if (total(m, 'custos_monitors') - (m.get('custos_monitors{state="paused"}') ?? 0) >= n) return { at: Date.now(), loadSeconds: m.get('custos_scheduler_load_seconds') ?? 0 };
    await sleep(50);
  }
}

async function baseline(url: string, rate: number, seconds: number): Promise<{ requests: number; errors: number; cpuMs: number }> {
  const child = spawn(process.execPath, ['bench/lib/http-loop.ts'], { env: { ...process.env, URL: url, RATE: String(rate), SECONDS: String(seconds) }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((r) => child.once('exit', r));
  return JSON.parse(out);
}

async function mainRun(targetUrl: (i: number) => string) {
  const prep = await prepareDatabase({ url: `sqlite:${join(dir, 'main', 'custos.db')}`, dataDir: join(dir, 'main'), monitors: N, targetUrl, interval: INTERVAL });
  const db = new SqliteReader(join(dir, 'main', 'custos.db'));
  const port = await freePort();
  const custos = await startCustos('main', port, args.profile ? ['--cpu-prof', '--cpu-prof-dir', args.profile] : []);
  const pid = custos.child.pid!;
  const loaded = await scheduleLoaded(custos.metrics, N);
  let allRanAt: number | null = null;
  // The steady window opens once every monitor has run and no check waits for a slot (the start-up backlog is gone).
  let steady: { at: number; cpu: number; stored: number; metrics: Samples } | null = null;
  let peakRss = 0;
  let maxWaiting = 0;
  const timeline: Array<Record<string, number | null>> = [];
  let mark = { at: Date.now(), cpu: cpuSeconds(pid), metrics: await scrape(custos.metrics) };
  const endAt = custos.spawnedAt + SECONDS * 1000;
  let countAt = 0;
  while (Date.now() < endAt) {
    await sleep(1000);
    peakRss = Math.max(peakRss, rssMb(pid));
    const now = await scrape(custos.metrics);
    maxWaiting = Math.max(maxWaiting, now.get('custos_checks_waiting') ?? 0);
    if (Date.now() - mark.at >= 10_000) {
      const s = (Date.now() - mark.at) / 1000;
      timeline.push({
        t: round((Date.now() - custos.spawnedAt) / 1000, 0),
        checksPerS: round((total(now, 'custos_checks_total') - total(mark.metrics, 'custos_checks_total')) / s, 0),
        latenessP99Ms: round((histogramQuantile(mark.metrics, now, 'custos_schedule_lateness_seconds', 0.99) ?? 0) * 1000, 1),
        waiting: now.get('custos_checks_waiting') ?? 0,
        cpuPercent: round(((cpuSeconds(pid) - mark.cpu) / s) * 100, 0),
      });
      mark = { at: Date.now(), cpu: cpuSeconds(pid), metrics: now };
    }
    // Counting rows of the monitors table reads all of it: every five seconds only.
    if (allRanAt === null && Date.now() >= countAt) {
      countAt = Date.now() + 5000;
      if (db.number('select count(*) from monitors where last_check_at is not null') >= N) allRanAt = Date.now();
    }
    if (allRanAt !== null && steady === null && (now.get('custos_checks_waiting') ?? 0) === 0) {
      steady = { at: Date.now(), cpu: cpuSeconds(pid), stored: db.number('select count(*) from check_results'), metrics: await scrape(custos.metrics) };
    }
  }
  const end = { at: Date.now(), cpu: cpuSeconds(pid), stored: db.number('select count(*) from check_results'), metrics: await scrape(custos.metrics), rss: rssMb(pid) };
  const from = steady ?? { at: loaded.at, cpu: 0, stored: 0, metrics: new Map() as Samples };
  const windowS = (end.at - from.at) / 1000;
  const stored = end.stored - from.stored;
  const checks = total(end.metrics, 'custos_checks_total') - total(from.metrics, 'custos_checks_total');
  const cpuS = end.cpu - from.cpu;
  const gaps = total(end.metrics, 'custos_missed_checks_total');
  const result = {
    monitors: N,
    intervalS: INTERVAL,
    prepareSeconds: round(prep.seconds, 1),
    scheduleLoadedS: round((loaded.at - custos.spawnedAt) / 1000),
    allMonitorsRanOnceS: allRanAt === null ? null : round((allRanAt - custos.spawnedAt) / 1000, 1),
    steadyFromS: steady === null ? null : round((steady.at - custos.spawnedAt) / 1000, 1),
    steadyWindowS: round(windowS, 1),
    checksPerS: round(checks / windowS, 1),
    storedResultsPerS: round(stored / windowS, 1),
    expectedChecksPerS: round(N / INTERVAL, 1),
    latenessP50Ms: round((histogramQuantile(from.metrics, end.metrics, 'custos_schedule_lateness_seconds', 0.5) ?? 0) * 1000),
    latenessP99Ms: round((histogramQuantile(from.metrics, end.metrics, 'custos_schedule_lateness_seconds', 0.99) ?? 0) * 1000),
    checkDurationP50Ms: round((histogramQuantile(from.metrics, end.metrics, 'custos_check_duration_seconds', 0.5) ?? 0) * 1000),
    checkDurationP99Ms: round((histogramQuantile(from.metrics, end.metrics, 'custos_check_duration_seconds', 0.99) ?? 0) * 1000),
    maxChecksWaiting: maxWaiting,
    wholeRunLatenessP99Ms: round((histogramQuantile(new Map(), end.metrics, 'custos_schedule_lateness_seconds', 0.99) ?? 0) * 1000),
    flushP50Ms: round((histogramQuantile(from.metrics, end.metrics, 'custos_check_results_flush_seconds', 0.5) ?? 0) * 1000),
    flushP99Ms: round((histogramQuantile(from.metrics, end.metrics, 'custos_check_results_flush_seconds', 0.99) ?? 0) * 1000),
    cpuMsPerStoredCheck: stored > 0 ? round((cpuS * 1000) / stored, 3) : null,
    cpuPercent: round((cpuS / windowS) * 100, 1),
    rssMb: end.rss,
    peakRssMb: peakRss,
    outcomes: Object.fromEntries(['up', 'degraded', 'down', 'error'].map((o) => [o, end.metrics.get(`custos_checks_total{outcome="${o}"}`) ?? 0])),
    missedChecksByCause: Object.fromEntries([...end.metrics].filter(([k]) => k.startsWith('custos_missed_checks_total')).map(([k, v]) => [/cause="(\w+)"/.exec(k)?.[1], v])),
    missedChecksTotal: gaps,
    hosts: HOSTS,
    timeline,
  };
  db.close();
  await stop(custos.child);
  return result;
}

async function restartRun(targetUrl: (i: number) => string) {
  await prepareDatabase({ url: `sqlite:${join(dir, 'restart', 'custos.db')}`, dataDir: join(dir, 'restart'), monitors: RESTART_N, targetUrl, interval: INTERVAL });
  const db = new SqliteReader(join(dir, 'restart', 'custos.db'));
  const port = await freePort();
  const first = await startCustos('restart', port);
  while (db.number('select count(*) from monitors where last_check_at is not null') < RESTART_N) await sleep(1000);
  await stop(first.child);
  const stoppedAt = Date.now();
  await sleep(2000);
  const second = await startCustos('restart', port);
  const loaded = await scheduleLoaded(second.metrics, RESTART_N);
  const deadline = loaded.at + (INTERVAL + 10) * 1000;
  let covered = 0;
  while (Date.now() < deadline) {
    await sleep(1000);
    covered = db.number('select count(distinct monitor_id) from check_results where at >= ?', second.spawnedAt);
    if (covered >= RESTART_N) break;
  }
  const lastFirstCheck = db.number('select max(first) from (select min(at) as first from check_results where at >= ? group by monitor_id)', second.spawnedAt);
  const gaps = db.number("select count(*) from coverage_gaps where cause = 'process_down' and to_at >= ?", stoppedAt);
  db.close();
  await stop(second.child);
  return {
    monitors: RESTART_N,
    downForS: round((second.spawnedAt - stoppedAt) / 1000, 1),
    scheduleLoadedAfterSpawnS: round((loaded.at - second.spawnedAt) / 1000),
    schedulerLoadS: round(loaded.loadSeconds, 3),
    monitorsCheckedWithinOneInterval: covered,
    lastFirstCheckAfterLoadS: round((lastFirstCheck - loaded.at) / 1000, 1),
    everyMonitorWithinOneInterval: covered >= RESTART_N && lastFirstCheck - loaded.at <= INTERVAL * 1000,
    processDownGapRows: gaps,
  };
}

const targetPort = await freePort();
const target = start(['bench/lib/http-target.ts'], { PORT: String(targetPort), HOSTS: String(HOSTS) });
const targetUrl = (i: number) => `http://127.0.0.${1 + (i % HOSTS)}:${targetPort}`;
try {
  for (let h = 0; h < HOSTS; h++) await waitFor(`${targetUrl(h)}/`, (s) => s === 200);
  const custos = await mainRun(targetUrl);
  const rate = Math.max(50, Math.round(N / INTERVAL));
  const bare = await baseline(`${targetUrl(0)}/baseline`, rate, 20);
  const bareCpuMsPerRequest = bare.cpuMs / Math.max(1, bare.requests);
  const restart = RESTART_N > 0 ? await restartRun(targetUrl) : null;
  const result = {
    benchmark: 'checks',
    custos,
    baselineBareNodeHttp: { requestsPerS: round(bare.requests / 20, 1), errors: bare.errors, cpuMsPerRequest: round(bareCpuMsPerRequest, 3) },
    ratioCpuPerCheckVsBareRequest: custos.cpuMsPerStoredCheck === null ? null : round(custos.cpuMsPerStoredCheck / bareCpuMsPerRequest, 2),
    restart,
    targets: { checksPerS: N / INTERVAL, latenessP99Ms: 100, cpuMsPerStoredCheck: 0.5, rssMb: 1024, restartScheduleLoadS: 5 },
    pass: {
      allStored: custos.storedResultsPerS !== null && custos.storedResultsPerS >= 0.98 * (N / INTERVAL),
      latenessP99: (custos.latenessP99Ms ?? Infinity) <= 100,
      cpuPerCheck: (custos.cpuMsPerStoredCheck ?? Infinity) <= 0.5,
      rss: custos.peakRssMb <= 1024,
      restart: restart === null ? null : restart.everyMonitorWithinOneInterval && (restart.scheduleLoadedAfterSpawnS ?? Infinity) <= 5,
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await stop(target);
  rmSync(dir, { recursive: true, force: true });
}
