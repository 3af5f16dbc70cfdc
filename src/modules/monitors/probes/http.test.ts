import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { httpProbe, HttpSettings } from './http.ts';
import { ProbeInternalError } from './probe.ts';
import { closedPort, createTestCa, createTestCert, DAY_MS, startHttpServer, type TestHttpServer, testContext } from './test-helpers.ts';

const servers: TestHttpServer[] = [];
async function serve(...args: Parameters<typeof startHttpServer>): Promise<TestHttpServer> {
  const server = await startHttpServer(...args);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const check = (raw: Record<string, unknown>, ctx = testContext()) => httpProbe.check(HttpSettings.parse(raw), ctx);

function memory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Writes `total` bytes (or forever) honouring backpressure, and reports how much it sent. */
function streamBody(res: ServerResponse, total: number | undefined, onClose: (sent: number) => void): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = () => {
    for (;;) {
      if (res.destroyed || (total !== undefined && sent >= total)) break;
      const piece = total === undefined ? chunk : chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => onClose(sent));
  pump();
}

describe('httpProbe', () => {
  it('is up for a 2xx and reports connect and first-byte timings', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const result = await check({ url: `${server.url}/health` });
    expect(result.outcome).toBe('up');
    expect(result.details).toMatchObject({ status: 200, bodyBytes: 2, bodyTruncated: false, redirects: 0 });
    expect(result.timings?.connectMs).toBeGreaterThanOrEqual(0);
    expect(result.timings?.firstByteMs).toBeGreaterThanOrEqual(0);
    expect(result.timings?.totalMs).toBe(result.latencyMs);
  });

  it('measures the DNS phase when the URL names a host', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const result = await check({ url: `http://localhost:${server.port}/` });
    expect(result.outcome).toBe('up');
    expect(result.timings?.dnsMs).toBeGreaterThanOrEqual(0);
  });

  it('reports CONNECTION_REFUSED for a closed port', async () => {
    const result = await check({ url: `http://127.0.0.1:${await closedPort()}/` });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_REFUSED' });
  });

  it('reports CONNECTION_RESET when the server resets in the middle of the body', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100000' });
      res.write('partial body');
      setTimeout(() => req.socket.resetAndDestroy(), 20);
    });
    const result = await check({ url: server.url });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_RESET' });
  });

  it('times out when the headers come later than the timeout', async () => {
    const server = await serve(() => {});
    const started = Date.now();
    const result = await check({ url: server.url, timeoutMs: 300 });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('uses the smaller of the settings timeout and the context budget', async () => {
    const server = await serve(() => {});
    const started = Date.now();
    const result = await check({ url: server.url, timeoutMs: 60_000 }, testContext({ timeoutMs: 300 }));
    expect(result.errorCode).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops reading a never-ending body at the cap and closes the connection', async () => {
    let serverSaw: number | undefined;
    const server = await serve((_req, res) => streamBody(res, undefined, (sent) => (serverSaw = sent)));
    const result = await check({ url: server.url, maxBodyBytes: 4096 });
    expect(result.outcome).toBe('up');
    expect(result.details).toMatchObject({ bodyBytes: 4096, bodyTruncated: true });
    await expect.poll(() => serverSaw, { timeout: 5_000 }).toBeDefined();
  });

  it('times out on a body that trickles forever below the cap', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const result = await check({ url: server.url, timeoutMs: 400 });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'TIMEOUT' });
  });

  it('reads only the cap of a 50 MB body, quickly and without buffering it', async () => {
    const total = 50 * 1024 * 1024;
    let serverSent = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(total) });
      streamBody(res, total, (sent) => (serverSent = sent));
    });
    const before = memory();
    const started = Date.now();
    const result = await check({ url: server.url, bodyContains: ['xxxx'] });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(memory() - before).toBeLessThan(20 * 1024 * 1024);
    expect(result.outcome).toBe('up');
    expect(result.details).toMatchObject({ bodyBytes: 65_536, bodyTruncated: true });
    await expect.poll(() => serverSent, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(serverSent).toBeLessThan(total);
  });

  it('reports TOO_MANY_REDIRECTS for a redirect loop', async () => {
    const server = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end();
    });
    const result = await check({ url: `${server.url}/a`, maxRedirects: 4 });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'TOO_MANY_REDIRECTS' });
    expect(result.details?.redirects).toHaveLength(5);
  });

  it('follows redirects across origins without forwarding credentials', async () => {
    let seenAuthorization: string | undefined = 'unset';
    const target = await serve((req, res) => {
      seenAuthorization = req.headers.authorization;
      res.end('landed');
    });
    const origin = await serve((_req, res) => res.writeHead(301, { location: `${target.url}/landing` }).end());
    const result = await check({ url: origin.url, auth: { type: 'bearer', token: 'secret-token' }, bodyContains: ['landed'] });
    expect(result.outcome).toBe('up');
    expect(result.details).toMatchObject({ status: 200, redirects: 1, finalUrl: `${target.url}/landing` });
    expect(seenAuthorization).toBeUndefined();
  });

  it('turns a POST into a GET without body after a 303', async () => {
    const seen: string[] = [];
    const server = await serve((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['content-length'] ?? '-'}`);
      if (req.url === '/submit') res.writeHead(303, { location: '/done' }).end();
      else res.end('done');
    });
    const result = await check({ url: `${server.url}/submit`, method: 'POST', body: '{"a":1}' });
    expect(result.outcome).toBe('up');
    expect(seen).toEqual(['POST /submit 7', 'GET /done -']);
  });

  it('checks the redirect response itself when redirects are not followed', async () => {
    const server = await serve((_req, res) => res.writeHead(302, { location: '/elsewhere' }).end());
    expect(await check({ url: server.url, followRedirects: false })).toMatchObject({ outcome: 'down', errorCode: 'STATUS_MISMATCH' });
    expect(await check({ url: server.url, followRedirects: false, expectStatus: [302] })).toMatchObject({ outcome: 'up' });
  });

  describe('over TLS', () => {
    it('rejects a self-signed certificate unless verification is off', async () => {
      const server = await serve((_req, res) => res.end('ok'), await createTestCert());
      expect(await check({ url: server.url })).toMatchObject({ outcome: 'down', errorCode: 'TLS_SELF_SIGNED' });
      const unverified = await check({ url: server.url, verifyTls: false });
      expect(unverified.outcome).toBe('up');
      expect(unverified.timings?.tlsMs).toBeGreaterThanOrEqual(0);
    });

    it('accepts a certificate from a trusted CA and rejects expired or wrong-host ones', async () => {
      const ca = await createTestCa();
      const good = await serve((_req, res) => res.end('ok'), await createTestCert({ ca }));
      const expired = await serve(
        (_req, res) => res.end('ok'),
        await createTestCert({ ca, notBefore: new Date(Date.now() - 30 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) }),
      );
      const wrongHost = await serve((_req, res) => res.end('ok'), await createTestCert({ ca, hosts: ['wrong.example'] }));
      expect(await check({ url: good.url, ca: ca.cert })).toMatchObject({ outcome: 'up' });
      expect(await check({ url: expired.url, ca: ca.cert })).toMatchObject({ outcome: 'down', errorCode: 'TLS_CERT_EXPIRED' });
      expect(await check({ url: wrongHost.url, ca: ca.cert })).toMatchObject({ outcome: 'down', errorCode: 'TLS_HOSTNAME_MISMATCH' });
    });
  });

  describe('when aborted', () => {
    it('throws PROBE_ABORTED when Custos aborts the check, so it is a coverage gap', async () => {
      const server = await serve(() => {});
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await check({ url: server.url }, testContext({ signal: controller.signal })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProbeInternalError);
      expect((error as ProbeInternalError).code).toBe('PROBE_ABORTED');
    });

    it('throws PROBE_ABORTED without connecting when the signal is already aborted', async () => {
      let connections = 0;
      const server = await serve((_req, res) => {
        connections += 1;
        res.end();
      });
      const error = await check({ url: server.url }, testContext({ signal: AbortSignal.abort() })).catch((e: unknown) => e);
      expect((error as ProbeInternalError).code).toBe('PROBE_ABORTED');
      expect(connections).toBe(0);
    });

    it('treats an abort with a TimeoutError reason as the target timing out', async () => {
      const server = await serve(() => {});
      const result = await check({ url: server.url }, testContext({ signal: AbortSignal.timeout(100) }));
      expect(result).toMatchObject({ outcome: 'down', errorCode: 'TIMEOUT' });
    });
  });

  describe('settings', () => {
    it('names the field of each problem', () => {
      const parsed = HttpSettings.safeParse({ url: 'ftp://example.com', method: 'BREW', expectStatus: ['2xx', '299-200'], json: [{ path: 'a..b', operator: '==' }] });
      expect(parsed.success).toBe(false);
      const paths = parsed.error?.issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['url', 'method', 'expectStatus.1']));
    });

    it('rejects a body on GET and a degraded threshold above the maximum', () => {
      const parsed = HttpSettings.safeParse({ url: 'http://x.test', body: 'x', maxResponseMs: 100, degradedAboveMs: 200 });
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['body', 'degradedAboveMs']);
    });

    it('fills defaults', () => {
      expect(HttpSettings.parse({ url: 'https://x.test' })).toMatchObject({ method: 'GET', followRedirects: true, maxRedirects: 5, verifyTls: true, maxBodyBytes: 65_536, expectStatus: ['200-299'] });
    });
  });
});
