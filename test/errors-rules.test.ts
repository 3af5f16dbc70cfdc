import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock, MINUTE, SECOND } from '../src/platform/clock.ts';
import { createProject, get, startErrorsApp, type ErrorsApp, type TestProject } from './errors-support.ts';
import { describeEachDialect } from './helpers/databases.ts';

const failure = (type: string, extra: Record<string, unknown> = {}) => ({
  event_id: crypto.randomUUID().replaceAll('-', ''),
  level: 'error',
  exception: { values: [{ type, value: 'payment provider timed out', stacktrace: { frames: [{ filename: '/app/pay.js', function: `charge${type}`, lineno: 9, in_app: true }] } }] },
  ...extra,
});

interface Received {
  path: string;
  auth: string;
  body: string;
}

describeEachDialect('error alert rules and forwarding', (dialect) => {
  let e: ErrorsApp;
  let project: TestProject;
  let receiver: http.Server;
  let receiverPort: number;
  const received: Received[] = [];
  let answer = 200;
  const clock = new ManualClock('2026-05-01T09:00:00Z');

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', auth: String(req.headers['x-sentry-auth']), body: gunzipSync(Buffer.concat(chunks)).toString() });
        res.writeHead(answer, answer === 429 ? { 'retry-after': '7' } : {}).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverPort = (receiver.address() as AddressInfo).port;
    e = await startErrorsApp(dialect, `rules-${dialect}`, { clock, config: { publicUrl: 'https://custos.example.com' } });
    project = await createProject(e);
    for (const rule of [
      { name: 'New issue', kind: 'new_issue', severity: 'warning' },
      { name: 'Came back', kind: 'regression', severity: 'critical' },
      { name: 'Busy', kind: 'frequency', settings: { threshold: 3, windowMinutes: 5 }, actionIntervalSeconds: 3600 },
      { name: 'Fatal', kind: 'level', settings: { level: 'fatal' }, severity: 'critical' },
      { name: 'Payments', kind: 'tag', settings: { key: 'domain', severityByValue: { payments: 'critical', search: 'info' } }, severity: 'warning' },
    ]) {
      const res = await e.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/alert-rules`, headers: e.admin.headers, payload: rule });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => {
    await e.close();
    await new Promise((r) => receiver.close(r));
  });

  const send = async (event: Record<string, unknown>, p = project) => {
    expect((await e.app.inject({ method: 'POST', url: `/api/${p.number}/store/?sentry_key=${p.publicKey}`, payload: event })).statusCode).toBe(200);
  };
  const raised = async () =>
    (await sql<{ payload: string }>`select payload from jobs where kind = 'alert.raise' order by created_at, id`.execute(e.t.runtime.db)).rows.map((r) => ({ labels: {}, annotations: {}, ...JSON.parse(r.payload) }) as { dedupKey: string; severity: string; status: string; labels: Record<string, string>; annotations: Record<string, string> });

  it('raises new-issue and tag alerts (severity from the tag value) with a link to the issue', async () => {
    await send(failure('Timeout', { tags: { domain: 'payments' } }));
    await e.digest();
    const [issue] = (await get(e, `/api/v1/issues?projectId=${project.id}`)).data;
    const jobs = (await raised()).sort((a, b) => a.labels.alertname.localeCompare(b.labels.alertname));
    expect(jobs.map((j) => [j.labels.alertname, j.severity])).toEqual([
      ['New issue', 'warning'],
      ['Payments', 'critical'],
    ]);
    expect(jobs[0]).toMatchObject({ status: 'firing', labels: { source: 'errortracking', issue_id: issue.id, rule: 'new_issue', level: 'error' }, annotations: { summary: 'Timeout: payment provider timed out', issue_url: `https://custos.example.com/errors/issues/${issue.id}` } });
    await e.t.runtime.runner.runOnce();
    const alerts = (await get(e, '/api/v1/alerts?source=error-rule')).data;
    expect(alerts.map((a: { labels: { alertname: string }; severity: string }) => [a.labels.alertname, a.severity]).sort()).toEqual([
      ['New issue', 'warning'],
      ['Payments', 'critical'],
    ]);
  });

  it('raises a frequency alert above N events in M minutes, once per action interval', async () => {
    for (let i = 0; i < 3; i++) await send(failure('Timeout', { tags: { domain: 'search' } }));
    await e.digest();
    const jobs = await raised();
    expect(jobs.filter((j) => j.labels.alertname === 'Busy')).toHaveLength(1);
    expect(jobs.filter((j) => j.labels.alertname === 'Payments').map((j) => j.severity)).toEqual(['critical']);
    clock.advance(MINUTE);
    for (let i = 0; i < 5; i++) await send(failure('Timeout'));
    await e.digest();
    expect((await raised()).filter((j) => j.labels.alertname === 'Busy')).toHaveLength(1);
    expect((await raised()).filter((j) => j.labels.alertname === 'Fatal')).toHaveLength(0);
    await send(failure('Crash', { level: 'fatal' }));
    await e.digest();
    expect((await raised()).filter((j) => j.labels.alertname === 'Fatal')).toHaveLength(1);
  });

  it('raises a regression alert and resolves the issue’s alerts when it is resolved', async () => {
    const [issue] = (await get(e, `/api/v1/issues?projectId=${project.id}&query=Timeout`)).data;
    const resolved = await e.app.inject({ method: 'PATCH', url: `/api/v1/issues/${issue.id}`, headers: e.admin.headers, payload: { status: 'resolved' } });
    expect(resolved.statusCode).toBe(200);
    const resolutions = (await raised()).filter((j) => j.status === 'resolved');
    expect(resolutions.length).toBe(3);
    expect(resolutions.map((j) => j.dedupKey).sort()).toEqual((await raised()).filter((j) => j.status === 'firing' && j.labels.issue_id === issue.id).map((j) => j.dedupKey).filter((k, i, a) => a.indexOf(k) === i).sort());
    await send(failure('Timeout', { release: 'pay@9' }));
    await e.digest();
    const back = (await raised()).filter((j) => j.labels.alertname === 'Came back');
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ severity: 'critical', labels: { release: 'pay@9' }, annotations: { description: expect.stringContaining('Regression in pay@9') } });
  });

  it('forwards digested (scrubbed) envelopes to another DSN, retrying after a 429', async () => {
    const p = await createProject(e, { forwardDsn: `http://0123456789abcdef0123456789abcdef@127.0.0.1:${receiverPort}/42` });
    expect((await get(e, `/api/v1/projects/${p.id}`)).forwarding).toEqual({ enabled: true, target: `http://127.0.0.1:${receiverPort}/42` });
    expect(JSON.stringify(await get(e, `/api/v1/audit/events?subject=project:${p.id}`))).not.toContain('0123456789abcdef0123456789abcdef');
    answer = 429;
    await send(failure('Forwarded', { user: { id: 'u-9', email: 'erin@example.com' } }), p);
    expect((await e.digest()).forwarded).toBe(1);
    await e.t.runtime.runner.runOnce();
    expect(received).toHaveLength(1);
    answer = 200;
    clock.advance(6 * SECOND);
    await e.t.runtime.runner.runOnce();
    expect(received).toHaveLength(1);
    clock.advance(1 * SECOND);
    await e.t.runtime.runner.runOnce();
    expect(received).toHaveLength(2);
    const last = received[1];
    expect(last.path).toBe('/api/42/envelope/');
    expect(last.auth).toContain('sentry_key=0123456789abcdef0123456789abcdef');
    expect(last.body).toContain('"type":"Forwarded"');
    expect(last.body).not.toContain('erin@example.com');
  });
});
