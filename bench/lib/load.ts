// Closed-loop keep-alive load from autocannon: each of `connections` sends its next request when
// the last one answered. autocannon costs about half the client CPU of node:http per request,
// which leaves more of this two-core machine to the server measured.
import autocannon from 'autocannon';

export interface LoadOptions {
  port: number;
  connections: number;
  durationMs: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** The path (and body) of each request. */
  next(): { path: string; body?: Buffer };
  /** Called once a second with the seconds elapsed. */
  onSecond?: (second: number) => void;
}

export interface LoadResult {
  ok: number;
  /** 429 answers. */
  rejected: number;
  errors: number;
  seconds: number;
  perSecond: number;
  /** 200 answers in the slowest whole second. */
  slowestSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const okPerSecond: number[] = [];
  let rejected = 0;
  let other = 0;
  const started = performance.now();
  const ticker = o.onSecond ? setInterval(() => o.onSecond!(Math.floor((performance.now() - started) / 1000)), 1000) : undefined;
  let done!: (result: autocannon.Result) => void;
  let failed!: (err: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((done = resolve), (failed = reject)));
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${o.port}`,
      connections: o.connections,
      duration: o.durationMs / 1000,
      method: o.method ?? 'GET',
      headers: o.headers,
      requests: [{ setupRequest: (req) => ({ ...req, ...o.next() }) }],
    },
    (err, result) => (err ? failed(err) : done(result)),
  );
  instance.on('response', (_client, status) => {
    if (status === 200) {
      const s = Math.floor((performance.now() - started) / 1000);
      okPerSecond[s] = (okPerSecond[s] ?? 0) + 1;
    } else if (status === 429) rejected++;
    else other++;
  });
  const result = await finished;
  clearInterval(ticker);
  const seconds = (performance.now() - started) / 1000;
  const ok = okPerSecond.reduce((n, c) => n + (c ?? 0), 0);
  const whole = Array.from({ length: Math.floor(o.durationMs / 1000) }, (_, s) => okPerSecond[s] ?? 0);
  return {
    ok,
    rejected,
    errors: other + result.errors + result.timeouts,
    seconds,
    perSecond: Math.round(ok / seconds),
    slowestSecond: whole.length > 0 ? Math.min(...whole) : ok,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
