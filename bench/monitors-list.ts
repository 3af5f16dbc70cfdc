// The dashboard's monitors list with 10,000 monitors and 30 days of history (SQLite): the API
// calls the page makes (GET /monitors pages of 200, POST /uptime/summary for the rows on screen
// with 24h/30d and sparklines) through a real HTTP server on loopback, sequentially, with wall
// and CPU time per call. Baselines in the same run: one plain SELECT of the same rows through
// node:sqlite, and the cheapest authenticated API call (the HTTP + auth floor).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { appModules } from '../src/app/modules.ts';
import { loadConfig } from '../src/config/index.ts';
import { buildApp } from '../src/http/build-app.ts';
import { createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { cliActor, serviceCtx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createRuntime } from '../src/platform/runtime.ts';
import { prepareDatabase } from './lib/custos-db.ts';
import { writeMonitorHistory } from './lib/monitor-history.ts';

const { values: args } = parseArgs({ options: { monitors: { type: 'string', default: '10000' }, days: { type: 'string', default: '30' }, samples: { type: 'string', default: '30' } } });
const N = Number(args.monitors);
const SAMPLES = Number(args.samples);
const PAGE = 200;
const TARGET_MS = 300;

const dir = mkdtempSync(join(tmpdir(), 'custos-bench-monitors-list-'));
const file = join(dir, 'custos.db');
const t0 = performance.now();
await prepareDatabase({ url: `sqlite:${file}`, dataDir: dir, monitors: N, targetUrl: () => 'http://127.0.0.1:9', interval: 60 });
const t1 = performance.now();
const orgId = (new DatabaseSync(file, { readOnly: true }).prepare('SELECT org_id FROM monitors LIMIT 1').get() as { org_id: string }).org_id;
const counts = writeMonitorHistory({ file, orgId, now: Date.now(), days: Number(args.days), hourDays: 2, rawHours: 1 });
const t2 = performance.now();

const runtime = createRuntime({ config: loadConfig({ env: {}, overrides: { databaseUrl: `sqlite:${file}`, dataDir: dir, logLevel: 'silent' } }), modules: appModules(), logger: createLogger({ level: 'silent' }) });
const services = servicesOf(runtime);
const { token } = await createApiToken({ ctx: serviceCtx(services, orgId, cliActor()), input: { name: 'bench', role: 'viewer' } });
const app = await buildApp(runtime, { runsJobs: false, web: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1`;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const reader = new DatabaseSync(file, { readOnly: true });

interface Sample {
  wallMs: number;
  cpuMs: number;
  bytes: number;
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** One measured call: wall and CPU of this process (server and client share it; nothing else runs). */
async function time<T>(fn: () => Promise<T>): Promise<{ sample: Sample; value: T }> {
  const [w, c] = [performance.now(), cpuNow()];
  const value = await fn();
  return { sample: { wallMs: performance.now() - w, cpuMs: cpuNow() - c, bytes: 0 }, value };
}

async function call(path: string, body?: unknown): Promise<{ sample: Sample; text: string }> {
  const { sample, value } = await time(async () => {
    const res = await fetch(`${base}${path}`, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
    return text;
  });
  return { sample: { ...sample, bytes: value.length }, text: value };
}

const round2 = (v: number) => Math.round(v * 100) / 100;
function stats(samples: Sample[]) {
  const at = (key: 'wallMs' | 'cpuMs', q: number) => {
    const sorted = samples.map((s) => s[key]).toSorted((a, b) => a - b);
    return round2(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  };
  return { calls: samples.length, wallP50Ms: at('wallMs', 0.5), wallP99Ms: at('wallMs', 0.99), cpuP50Ms: at('cpuMs', 0.5), cpuP99Ms: at('cpuMs', 0.99), bytes: Math.round(samples.reduce((n, s) => n + s.bytes, 0) / samples.length) };
}

const nextCursor = (text: string) => /"nextCursor":(null|"([^"]*)")\}$/.exec(text)?.[2] ?? null;
const idsOf = (text: string) => [...text.matchAll(/\{"id":"([^"]+)"/g)].map((m) => m[1]);

// Every page of the list, in order, as the dashboard loads them while scrolling; the ids per page are kept for the summaries.
const pages: string[][] = [];
const listSamples: Sample[] = [];
const firstPage: Sample[] = [];
for (let round = 0; round < 2; round++) {
  let cursor: string | null = null;
  let index = 0;
  do {
    const { sample, text } = await call(`/monitors?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`);
    if (round > 0) (index === 0 ? firstPage : listSamples).push(sample);
    if (round === 0) pages.push(idsOf(text));
    cursor = nextCursor(text);
    index++;
  } while (cursor);
}
if (pages.flat().length !== N) throw new Error(`listed ${pages.flat().length} monitors, expected ${N}`);

const filtered: Sample[] = [];
for (let i = 0; i < SAMPLES; i++) filtered.push((await call(`/monitors?limit=${PAGE}&search=${encodeURIComponent(`bench ${i}`)}&state=up`)).sample);

const summaryOf = async (ids: string[]) => (await call('/uptime/summary', { monitorIds: ids, windows: ['24h', '30d'], sparkline: true })).sample;
const summaries: Sample[] = [];
const summaries500: Sample[] = [];
for (let i = 0; i < SAMPLES + 2; i++) {
  const s = await summaryOf(pages[i % pages.length]);
  if (i >= 2) summaries.push(s);
}
for (let i = 0; i < Math.ceil(SAMPLES / 3); i++) summaries500.push(await summaryOf(pages.slice(i % 20, (i % 20) + 3).flat().slice(0, 500)));
const all: Sample[] = [];
for (let i = 0; i < 3; i++) all.push(await summaryOf(pages.flat()));

// Baselines: the same rows read by one plain SELECT, and the HTTP + auth floor.
const plain = (sqlText: string, params: (string | number)[]) => time(async () => reader.prepare(sqlText).all(...params)).then((r) => r.sample);
const plainList: Sample[] = [];
const plainSummary: Sample[] = [];
const now = Date.now();
for (let i = 0; i < SAMPLES; i++) {
  plainList.push(await plain('SELECT * FROM monitors WHERE org_id = ? ORDER BY name, id LIMIT ? OFFSET ?', [orgId, PAGE + 1, (i % pages.length) * PAGE]));
  const ids = JSON.stringify(pages[i % pages.length]);
  plainSummary.push(
    await plain(
      `SELECT monitor_id, at, from_state, to_state FROM monitor_flips WHERE monitor_id IN (SELECT value FROM json_each(?)) AND at >= ?
       UNION ALL SELECT monitor_id, start_at, latency_avg, NULL FROM monitor_rollups WHERE monitor_id IN (SELECT value FROM json_each(?)) AND period = 'hour' AND start_at >= ?`,
      [ids, now - 30 * 86_400_000, ids, now - 86_400_000],
    ),
  );
}
const floor: Sample[] = [];
for (let i = 0; i < SAMPLES; i++) floor.push((await call('/monitors?limit=1')).sample);

await app.close();
await runtime.store.close();
reader.close();
rmSync(dir, { recursive: true, force: true });

const calls = {
  listFirstPage: stats(firstPage),
  listNextPages: stats(listSamples),
  listFiltered: stats(filtered),
  summary200: stats(summaries),
  summary500: stats(summaries500),
  summary10000: stats(all),
};
const baselines = { plainSelectListPage: stats(plainList), plainSelectSummaryRows: stats(plainSummary), httpFloor: stats(floor) };
const worstP99 = Math.max(calls.listFirstPage.wallP99Ms, calls.listNextPages.wallP99Ms, calls.listFiltered.wallP99Ms, calls.summary200.wallP99Ms, calls.summary500.wallP99Ms);
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'monitors-list',
      setup: { ...counts, monitorsSeconds: round2((t1 - t0) / 1000), historySeconds: round2((t2 - t1) / 1000), pageSize: PAGE, loadAverage: (await import('node:os')).loadavg().map(round2) },
      calls,
      baselines,
      ratios: {
        listPageCpuVsPlainSelect: round2(calls.listNextPages.cpuP50Ms / baselines.plainSelectListPage.cpuP50Ms),
        summary200CpuVsPlainSelect: round2(calls.summary200.cpuP50Ms / baselines.plainSelectSummaryRows.cpuP50Ms),
        listPageCpuVsHttpFloor: round2(calls.listNextPages.cpuP50Ms / baselines.httpFloor.cpuP50Ms),
        summary200CpuVsHttpFloor: round2(calls.summary200.cpuP50Ms / baselines.httpFloor.cpuP50Ms),
        worstDashboardCallP99VsTarget: round2(worstP99 / TARGET_MS),
      },
      targets: { dashboardCallMs: TARGET_MS },
      pass: worstP99 < TARGET_MS,
    },
    null,
    2,
  )}\n`,
);
