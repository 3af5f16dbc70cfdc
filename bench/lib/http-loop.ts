// Baseline: a bare node:http request loop (one fresh connection per request, as the probe does)
// at RATE requests/s for SECONDS against URL. Prints {requests, errors, cpuMs, seconds}.
import http from 'node:http';

const url = new URL(process.env.URL!);
const rate = Number(process.env.RATE ?? 833);
const seconds = Number(process.env.SECONDS ?? 15);
let requests = 0;
let errors = 0;

function once(): void {
  const req = http.request(url, { agent: false }, (res) => {
    res.resume();
    res.on('end', () => requests++);
  });
  req.on('error', () => errors++);
  req.end();
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
let sent = 0;
const timer = setInterval(() => {
  const due = Math.floor(((performance.now() - t0) / 1000) * rate);
  for (; sent < due; sent++) once();
}, 5);
setTimeout(() => {
  clearInterval(timer);
  setTimeout(() => {
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(`${JSON.stringify({ requests, errors, cpuMs: (cpu.user + cpu.system) / 1000, seconds })}\n`);
    process.exit(0);
  }, 500);
}, seconds * 1000);
