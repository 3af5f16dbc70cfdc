import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The flaky webhook receiver of the 10,000-notification test, run in a worker thread so that its
 * HTTP work does not compete with the delivery code for the main thread. Each request's fate is
 * fixed by (idempotency key, how many requests for that key came before), so a run is
 * reproducible whatever the interleaving.
 */
export type Mode = 'ok' | '5xx' | '429' | 'slow' | 'reset';

export function modeOf(key: string, n: number): Mode {
  const roll = createHash('sha256').update(`${key}#${n}`).digest().readUInt32BE(0) % 100;
  return roll < 50 ? 'ok' : roll < 70 ? '5xx' : roll < 82 ? '429' : roll < 88 ? 'slow' : 'reset';
}

/** Per idempotency key: the fate of each request in order, and how many different messages it carried. */
export type ReceiverReport = [key: string, modes: Mode[], distinctMessages: number][];

if (parentPort && workerData?.role === 'flaky-receiver') {
  const port = parentPort;
  const slowMs: number = workerData.slowMs;
  const seen = new Map<string, { modes: Mode[]; messages: Set<string> }>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      const entry = seen.get(key) ?? { modes: [], messages: new Set<string>() };
      seen.set(key, entry);
      const mode = modeOf(key, entry.modes.length);
      entry.modes.push(mode);
      entry.messages.add(createHash('sha256').update(JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')).message)).digest('hex'));
      if (mode === 'reset') return req.socket.resetAndDestroy();
      if (mode === 'slow') return void setTimeout(() => res.destroyed || res.writeHead(200).end('too late'), slowMs);
      if (mode === '429') return void res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      res.writeHead(mode === 'ok' ? 200 : 503).end(mode === 'ok' ? 'ok' : 'unavailable');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => port.postMessage({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  port.on('message', (msg: string) => {
    if (msg === 'report') port.postMessage({ report: [...seen].map(([key, e]) => [key, e.modes, e.messages.size]) satisfies ReceiverReport });
    if (msg === 'close') {
      server.closeAllConnections();
      server.close(() => port.close());
    }
  });
}
