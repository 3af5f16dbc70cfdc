import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusJsonUrl, statuspageProbe, StatuspageSettings } from './statuspage.ts';
import { closedPort, startHttpServer, type TestHttpServer, testContext } from './test-helpers.ts';

let server: TestHttpServer;
const requested: string[] = [];

const document = (indicator: string, description: string) => ({
  page: { id: 'abc', name: 'Upstream', url: 'https://status.upstream.test', updated_at: '2026-11-22T10:00:00.000Z' },
  status: { indicator, description },
});

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    requested.push(req.url ?? '');
    const [, page] = /^\/(\w+)\//.exec(req.url ?? '') ?? [];
    res.setHeader('content-type', 'application/json');
    if (page === 'missing') res.writeHead(404).end('{}');
    else if (page === 'html') res.end('<html>maintenance</html>');
    else if (page === 'odd') res.end(JSON.stringify(document('purple', 'Who knows')));
    else if (page === 'moved') res.writeHead(301, { location: '/none/api/v2/status.json' }).end();
    else res.end(JSON.stringify(document(page, `indicator ${page}`)));
  });
});
afterAll(() => server.close());

const check = (baseUrl: string) => statuspageProbe.check(StatuspageSettings.parse({ baseUrl }), testContext());

describe('statuspageProbe', () => {
  it('maps the indicator to an outcome and keeps the description', async () => {
    expect(await check(`${server.url}/none`)).toMatchObject({
      outcome: 'up',
      details: { indicator: 'none', description: 'indicator none', pageName: 'Upstream', updatedAt: '2026-11-22T10:00:00.000Z' },
    });
    expect(await check(`${server.url}/minor/`)).toMatchObject({ outcome: 'degraded', errorCode: 'UPSTREAM_MINOR_OUTAGE', message: 'indicator minor' });
    expect(await check(`${server.url}/maintenance`)).toMatchObject({ outcome: 'degraded', errorCode: 'UPSTREAM_MAINTENANCE' });
    expect(await check(`${server.url}/major`)).toMatchObject({ outcome: 'down', errorCode: 'UPSTREAM_MAJOR_OUTAGE' });
    expect(await check(`${server.url}/critical`)).toMatchObject({ outcome: 'down', errorCode: 'UPSTREAM_CRITICAL_OUTAGE' });
    expect(requested).toContain('/none/api/v2/status.json');
    expect(requested).toContain('/minor/api/v2/status.json');
  });

  it('follows a redirect to the status document', async () => {
    expect((await check(`${server.url}/moved`)).outcome).toBe('up');
  });

  it('reports pages that are not Statuspage JSON', async () => {
    expect(await check(`${server.url}/missing`)).toMatchObject({ outcome: 'down', errorCode: 'STATUS_MISMATCH', details: { status: 404 } });
    expect(await check(`${server.url}/html`)).toMatchObject({ outcome: 'down', errorCode: 'INVALID_STATUS_PAGE' });
    expect(await check(`${server.url}/odd`)).toMatchObject({ outcome: 'down', errorCode: 'INVALID_STATUS_PAGE', details: { indicator: 'purple' } });
  });

  it('reports CONNECTION_REFUSED for a closed port', async () => {
    expect(await check(`http://127.0.0.1:${await closedPort()}`)).toMatchObject({ outcome: 'down', errorCode: 'CONNECTION_REFUSED' });
  });

  it('builds the document URL under the base path', () => {
    expect(statusJsonUrl('https://status.example.com').href).toBe('https://status.example.com/api/v2/status.json');
    expect(statusJsonUrl('https://example.com/status?x=1').href).toBe('https://example.com/status/api/v2/status.json');
    expect(StatuspageSettings.safeParse({ baseUrl: 'status.example.com' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['baseUrl']);
  });
});
