import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpProbe, HttpSettings } from './http.ts';
import { startHttpServer, type TestHttpServer, testContext } from './test-helpers.ts';

let server: TestHttpServer;
let lastRequest: { method?: string; headers: Record<string, unknown>; body: string } | undefined;

beforeAll(async () => {
  server = await startHttpServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    lastRequest = { method: req.method, headers: req.headers, body };
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/json') {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ status: 'ok', a: { b: [{ c: 42 }] }, count: '7', tags: ['blue', 'green'], nothing: null }));
    } else if (url.pathname === '/slow') {
      await sleep(Number(url.searchParams.get('ms')));
      res.end('slow');
    } else if (url.pathname === '/status') {
      res.writeHead(Number(url.searchParams.get('code'))).end();
    } else {
      res.setHeader('x-version', '1.4.2');
      res.end('<html><title>Custos</title><body>all systems operational</body></html>');
    }
  });
});
afterAll(() => server.close());

const at = (code: number) => `${server.url}/status?code=${code}`;
const check = (raw: Record<string, unknown>) => httpProbe.check(HttpSettings.parse({ url: `${server.url}/page`, ...raw }), testContext());

describe('httpProbe assertions', () => {
  it('matches status codes, ranges and classes', async () => {
    expect((await check({ url: at(204) })).outcome).toBe('up');
    expect((await check({ url: at(503), expectStatus: [200, '500-503'] })).outcome).toBe('up');
    expect((await check({ url: at(418), expectStatus: ['4xx'] })).outcome).toBe('up');
    const mismatch = await check({ url: at(500) });
    expect(mismatch).toMatchObject({ outcome: 'down', errorCode: 'STATUS_MISMATCH', details: { status: 500 } });
  });

  it('checks header values', async () => {
    expect((await check({ expectHeaders: [{ name: 'X-Version', operator: 'matches', value: '^1\\.4\\.' }, { name: 'x-missing', operator: 'absent' }] })).outcome).toBe('up');
    const failed = await check({ expectHeaders: [{ name: 'x-version', operator: 'equals', value: '2.0.0' }] });
    expect(failed).toMatchObject({ outcome: 'down', errorCode: 'HEADER_ASSERTION_FAILED', details: { actual: '1.4.2' } });
    expect((await check({ expectHeaders: [{ name: 'x-missing', operator: 'exists' }] })).errorCode).toBe('HEADER_ASSERTION_FAILED');
  });

  it('checks that the body contains, does not contain, or matches', async () => {
    expect((await check({ bodyContains: ['operational'], bodyNotContains: ['error'], bodyMatches: '<title>\\w+</title>' })).outcome).toBe('up');
    for (const failing of [{ bodyContains: ['degraded'] }, { bodyNotContains: ['systems'] }, { bodyMatches: '^\\{' }]) {
      expect(await check(failing)).toMatchObject({ outcome: 'down', errorCode: 'BODY_ASSERTION_FAILED' });
    }
  });

  it('checks JSON values at a path', async () => {
    const passing = await check({
      url: `${server.url}/json`,
      json: [
        { path: 'status', operator: '==', value: 'ok' },
        { path: 'a.b[0].c', operator: '==', value: 42 },
        { path: '$.a.b[0].c', operator: '>', value: 40 },
        { path: 'count', operator: '<', value: 10 },
        { path: 'count', operator: '==', value: 7 },
        { path: 'tags', operator: 'contains', value: 'green' },
        { path: 'nothing', operator: 'exists' },
        { path: 'status', operator: '!=', value: 'down' },
      ],
    });
    expect(passing.outcome).toBe('up');
    const cases = [
      { path: 'a.b[0].c', operator: '<', value: 40 },
      { path: 'a.b[1].c', operator: 'exists' },
      { path: 'tags', operator: 'contains', value: 'red' },
      { path: 'status', operator: '!=', value: 'ok' },
    ];
    for (const assertion of cases) {
      expect(await check({ url: `${server.url}/json`, json: [assertion] })).toMatchObject({ outcome: 'down', errorCode: 'JSON_ASSERTION_FAILED' });
    }
  });

  it('fails JSON assertions on a body that is not JSON', async () => {
    const result = await check({ json: [{ path: 'status', operator: 'exists' }] });
    expect(result).toMatchObject({ outcome: 'down', errorCode: 'JSON_ASSERTION_FAILED' });
  });

  it('is degraded above the threshold and down above the maximum response time', async () => {
    const url = `${server.url}/slow?ms=300`;
    expect(await check({ url, degradedAboveMs: 50 })).toMatchObject({ outcome: 'degraded', errorCode: 'RESPONSE_SLOW' });
    expect(await check({ url, degradedAboveMs: 50, maxResponseMs: 100 })).toMatchObject({ outcome: 'down', errorCode: 'RESPONSE_TOO_SLOW' });
    expect((await check({ url: `${server.url}/slow?ms=0`, degradedAboveMs: 2_000 })).outcome).toBe('up');
  });

  it('sends the method, headers, body and credentials', async () => {
    await check({ method: 'PUT', headers: { 'X-Trace': 'abc' }, body: '{"ping":true}', auth: { type: 'basic', username: 'ops', password: 'p@ss' } });
    expect(lastRequest).toMatchObject({
      method: 'PUT',
      body: '{"ping":true}',
      headers: { 'x-trace': 'abc', 'content-type': 'application/json', authorization: `Basic ${Buffer.from('ops:p@ss').toString('base64')}` },
    });
    expect(String(lastRequest?.headers['user-agent'])).toMatch(/^Custos\//);
    await check({ auth: { type: 'bearer', token: 'tkn' } });
    expect(lastRequest?.headers.authorization).toBe('Bearer tkn');
  });

  it('rejects assertions it could not evaluate, naming the field', () => {
    const parsed = HttpSettings.safeParse({
      url: 'http://x.test',
      bodyMatches: '(unclosed',
      expectHeaders: [{ name: 'x', operator: 'equals' }],
      json: [{ path: 'a', operator: '<', value: 'abc' }],
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['bodyMatches', 'expectHeaders.0.value', 'json.0.value']));
  });
});
