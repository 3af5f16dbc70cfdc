// Time from process start to a healthy /api/health, and idle RSS, for Custos on SQLite started as
// `npm start` starts it, against a bare node:http server started the same way in the same run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, rssMb, start, stop, waitFor } from './lib/process.ts';

const RUNS = 3;
const IDLE_MS = 3000;

async function measure(args: string[], env: Record<string, string>, port: number) {
  const t0 = Date.now();
  const child = start(args, env);
  const healthyAt = await waitFor(`http://127.0.0.1:${port}/api/health`, (s) => s === 200);
  const startupMs = healthyAt - t0;
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const rss = rssMb(child.pid!);
  await stop(child);
  return { startupMs, rssMb: rss };
}

const dir = mkdtempSync(join(tmpdir(), 'custos-bench-startup-'));
const bare = join(dir, 'bare.mjs');
writeFileSync(bare, `import http from 'node:http'; http.createServer((q, s) => s.end('{"status":"ok"}')).listen(Number(process.env.PORT), '127.0.0.1');`);

const custos = [];
const baseline = [];
for (let i = 0; i < RUNS; i++) {
  const port = await freePort();
  custos.push(
    await measure(['--max-semi-space-size=4', 'bin/custos.js', 'serve'], { CUSTOS_PORT: String(port), CUSTOS_HOST: '127.0.0.1', CUSTOS_DATA_DIR: join(dir, `d${i}`), CUSTOS_DATABASE_URL: `sqlite:${join(dir, `d${i}`, 'custos.db')}`, CUSTOS_LOG_LEVEL: 'warn' }, port),
  );
  const p2 = await freePort();
  baseline.push(await measure([bare], { PORT: String(p2) }, p2));
}
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  benchmark: 'startup',
  runs: RUNS,
  custos: { startupMs: median(custos.map((r) => r.startupMs)), idleRssMb: median(custos.map((r) => r.rssMb)) },
  baselineBareNodeHttp: { startupMs: median(baseline.map((r) => r.startupMs)), idleRssMb: median(baseline.map((r) => r.rssMb)) },
  targets: { startupMs: 2000, idleRssMb: 150 },
};
const ratios = {
  startupVsBaseline: Math.round((result.custos.startupMs / result.baselineBareNodeHttp.startupMs) * 100) / 100,
  rssVsBaseline: Math.round((result.custos.idleRssMb / result.baselineBareNodeHttp.idleRssMb) * 100) / 100,
};
const pass = result.custos.startupMs <= 2000 && result.custos.idleRssMb <= 150;
process.stdout.write(`${JSON.stringify({ ...result, ratios, pass }, null, 2)}\n`);
