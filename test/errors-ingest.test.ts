import { readFileSync } from 'node:fs';
import { brotliCompressSync, deflateRawSync, deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock, MINUTE, SECOND } from '../src/platform/clock.ts';
import { createProject, get, startErrorsApp, type ErrorsApp, type TestProject } from './errors-support.ts';
import { describeEachDialect } from './helpers/databases.ts';

// Written by hand in the format the browser SDK (sentry.javascript.browser 10.x) sends: the
// envelope of an uncaught TypeError plus its crashed session, and a client report.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/sentry/${name}`, import.meta.url));
const id = () => crypto.randomUUID().replaceAll('-', '');
const envelope = (...items: [Record<string, unknown>, string | Buffer][]) =>
  Buffer.concat([Buffer.from(`${JSON.stringify({ event_id: id(), sent_at: new Date().toISOString() })}\n`), ...items.flatMap(([h, p]) => [Buffer.from(`${JSON.stringify(h)}\n`), Buffer.from(p), Buffer.from('\n')])]);
const event = (extra: Record<string, unknown> = {}) => JSON.stringify({ event_id: id(), message: 'checkout failed', level: 'error', ...extra });
const oneEvent = () => envelope([{ type: 'event' }, event()]);

describeEachDialect('Sentry ingest endpoints', (dialect) => {
  let e: ErrorsApp;
  let project: TestProject;
  let other: TestProject;
  const clock = new ManualClock('2026-03-01T12:00:00Z');

  beforeAll(async () => {
    e = await startErrorsApp(dialect, `ingest-${dialect}`, { clock, errors: { limits: { maxCompressedBytes: 256 * 1024, maxInflatedBytes: 1024 * 1024, maxEventBytes: 200 * 1024, queueLimit: 1_000 } } });
    project = await createProject(e);
    other = await createProject(e);
  });
  afterAll(() => e.close());

  const post = (path: string, body: Buffer | string, headers: Record<string, string> = {}) => e.app.inject({ method: 'POST', url: path, headers, payload: body });
  const envelopeUrl = (p = project, key = p.publicKey) => `/api/${p.number}/envelope/?sentry_key=${key}&sentry_version=7`;
  const outcomes = async (p = project) => (await get(e, `/api/v1/projects/${p.id}/outcomes`)).totals as { category: string; outcome: string; reason: string; quantity: number }[];
  const send = (target: TestProject) => post(envelopeUrl(target), oneEvent());
  const quantity = async (category: string, outcome: string, reason = '', p = project) => (await outcomes(p)).find((o) => o.category === category && o.outcome === outcome && o.reason === reason)?.quantity ?? 0;

  it('accepts the recorded browser envelope (gzip, query-string auth, text/plain) and digests its event', async () => {
    const gz = fixture('browser-error.envelope.gz');
    expect(gunzipSync(gz).equals(fixture('browser-error.envelope'))).toBe(true);
    const res = await post(`${envelopeUrl()}&sentry_client=sentry.javascript.browser%2F10.5.0`, gz, { 'content-type': 'text/plain;charset=UTF-8', 'content-encoding': 'gzip', origin: 'https://shop.example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: '4c2f1a9e8b7d4e6fa1b2c3d4e5f60718' });
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    await e.digest();
    const [issue] = (await get(e, `/api/v1/issues?projectId=${project.id}&query=price`)).data;
    expect(issue).toMatchObject({ title: "TypeError: Cannot read properties of null (reading 'price')", level: 'error', firstRelease: 'shop-web@3.2.0' });
    const stored = await get(e, `/api/v1/issues/${issue.id}/events/4c2f1a9e-8b7d-4e6f-a1b2-c3d4e5f60718`);
    expect(stored.data.user).toEqual({ id: 'cust-8812' });
    expect(JSON.stringify(stored.data)).not.toContain('abc123secret');
    expect(stored.data.contexts.trace.trace_id).toBe('8d1e5f0a2b3c4d5e6f708192a3b4c5d6');
    expect(await quantity('session', 'accepted')).toBe(1);
  });

  it('answers CORS preflights for browser SDKs', async () => {
    const res = await e.app.inject({ method: 'OPTIONS', url: `/api/${project.number}/envelope/`, headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(String(res.headers['access-control-allow-headers'])).toContain('content-type');
    expect(String(res.headers['access-control-expose-headers'])).toContain('x-sentry-rate-limits');
  });

  it('authenticates by X-Sentry-Auth, by sentry_key and by the envelope dsn, and refuses anything else', async () => {
    const auth = { 'x-sentry-auth': `Sentry sentry_version=7, sentry_client=raven-python/6.10.0, sentry_key=${project.publicKey}` };
    expect((await post(`/api/${project.number}/store/`, event(), { 'content-type': 'application/json', ...auth })).statusCode).toBe(200);
    const withDsn = Buffer.from(`${JSON.stringify({ event_id: id(), dsn: project.dsn })}\n{"type":"event"}\n${event()}\n`);
    expect((await post(`/api/${project.number}/envelope/`, withDsn)).statusCode).toBe(200);
    const code = async (path: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      const res = await post(path, body, headers);
      return [res.statusCode, res.json().error?.code];
    };
    expect(await code(`/api/${project.number}/envelope/`, envelope([{ type: 'event' }, event()]))).toEqual([401, 'INGEST_AUTH_MISSING']);
    expect(await code(envelopeUrl(project, 'f'.repeat(32)), envelope([{ type: 'event' }, event()]))).toEqual([401, 'INGEST_KEY_INVALID']);
    expect(await code(envelopeUrl(project, other.publicKey), envelope([{ type: 'event' }, event()]))).toEqual([401, 'INGEST_KEY_INVALID']);
    expect(await code(`/api/shop/envelope/?sentry_key=${project.publicKey}`, envelope([{ type: 'event' }, event()]))).toEqual([400, 'INGEST_PROJECT_INVALID']);
  });

  it('inflates gzip, deflate (wrapped or raw) and br, and refuses other encodings', async () => {
    for (const [encoding, compressed] of [['gzip', gzipSync(oneEvent())], ['deflate', deflateSync(oneEvent())], ['deflate', deflateRawSync(oneEvent())], ['br', brotliCompressSync(oneEvent())]] as const) {
      expect((await post(envelopeUrl(), compressed, { 'content-encoding': encoding })).statusCode, encoding).toBe(200);
    }
    const res = await post(envelopeUrl(), oneEvent(), { 'content-encoding': 'zstd' });
    expect([res.statusCode, res.json().error.code]).toEqual([415, 'INGEST_ENCODING_UNSUPPORTED']);
    const corrupt = await post(envelopeUrl(), Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect([corrupt.statusCode, corrupt.json().error.code]).toEqual([400, 'INGEST_DECOMPRESSION_FAILED']);
  });

  it('rejects decompression bombs and oversized bodies before they fill memory, and counts them', async () => {
    const before = await quantity('envelope', 'rejected', 'envelope_too_large');
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(256 * 1024);
    const res = await post(envelopeUrl(), bomb, { 'content-encoding': 'gzip' });
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'ENVELOPE_TOO_LARGE']);
    const big = await post(envelopeUrl(), Buffer.alloc(300 * 1024, 0x61));
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'ENVELOPE_TOO_LARGE']);
    const fat = await post(envelopeUrl(), envelope([{ type: 'event' }, event({ extra: { blob: 'x'.repeat(250 * 1024) } })]));
    expect([fat.statusCode, fat.json().error.code]).toEqual([413, 'EVENT_TOO_LARGE']);
    expect(await quantity('envelope', 'rejected', 'envelope_too_large')).toBe(before + 2);
    expect(await quantity('envelope', 'rejected', 'event_too_large')).toBe(1);
  });

  it('stores events and client reports, counts transactions, sessions and attachments, and skips unknown items', async () => {
    const attachment = Buffer.from('line one\nline two\n\u0000binary');
    const body = envelope(
      [{ type: 'event', length: Buffer.byteLength(event()) }, event()],
      [{ type: 'transaction' }, JSON.stringify({ type: 'transaction', transaction: '/checkout', spans: [] })],
      [{ type: 'sessions' }, JSON.stringify({ aggregates: [{ started: '2026-03-01T12:00:00Z', exited: 3 }] })],
      [{ type: 'attachment', length: attachment.length, filename: 'log.txt' }, attachment],
      [{ type: 'a_future_item_type' }, '{"anything":true}'],
    );
    const before = await outcomes();
    expect((await post(envelopeUrl(), body)).statusCode).toBe(200);
    const report = fixture('browser-client-report.envelope');
    expect((await post(envelopeUrl(), report, { 'content-type': 'text/plain;charset=UTF-8' })).json()).toEqual({});
    const gained = async (category: string, outcome: string, reason = '') => (await quantity(category, outcome, reason)) - (before.find((o) => o.category === category && o.outcome === outcome && o.reason === reason)?.quantity ?? 0);
    expect(await gained('error', 'accepted')).toBe(1);
    expect(await gained('transaction', 'accepted')).toBe(1);
    expect(await gained('session', 'accepted')).toBe(1);
    expect(await gained('attachment', 'accepted')).toBe(1);
    expect(await gained('unknown', 'accepted')).toBe(1);
    expect(await gained('error', 'client_discarded', 'ratelimit_backoff')).toBe(3);
    expect(await gained('transaction', 'client_discarded', 'network_error')).toBe(2);
  });

  it('stores an event sent twice (an SDK retry) once', async () => {
    const eventId = id();
    const body = envelope([{ type: 'event' }, event({ event_id: eventId, message: 'retried once' })]);
    expect((await post(envelopeUrl(), body)).statusCode).toBe(200);
    expect((await post(envelopeUrl(), body)).statusCode).toBe(200);
    const summary = await e.digest();
    expect(summary.duplicates).toBe(1);
    const [issue] = (await get(e, `/api/v1/issues?projectId=${project.id}&query=retried`)).data;
    expect(issue.eventCount).toBe(1);
  });

  it('answers 429 with Retry-After and X-Sentry-Rate-Limits over a key limit, and counts each refused event', async () => {
    const created = await e.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/keys`, headers: e.admin.headers, payload: { label: 'limited', rateLimitPerMinute: 2 } });
    const limited = { ...project, publicKey: new URL(created.json().dsn).username };
    clock.set('2026-03-01T12:10:00Z');
    const send = () => post(envelopeUrl(limited), envelope([{ type: 'event' }, event()]));
    expect((await send()).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(200);
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('INGEST_KEY_RATE_LIMITED');
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.headers['x-sentry-rate-limits']).toBe('60::key:key_quota');
    clock.advance(MINUTE);
    expect((await send()).statusCode).toBe(200);
    const byKey = (await get(e, `/api/v1/projects/${project.id}/outcomes`)).byKey;
    expect(byKey).toContainEqual({ keyId: created.json().id, category: 'error', outcome: 'rejected', reason: 'key_rate_limit', quantity: 1 });
  });

  it('answers 429 when the queue is over its limit, without queuing, and counts the refusal', async () => {
    await e.digest();
    const ingest = e.module.ingest()!;
    ingest.gauge.added(1_000);
    const refused = await post(envelopeUrl(), envelope([{ type: 'event' }, event()], [{ type: 'event' }, event()]));
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('INGEST_QUEUE_FULL');
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.headers['x-sentry-rate-limits']).toBe('10::organization:queue_full');
    expect(await quantity('error', 'rejected', 'queue_full')).toBe(2);
    expect((await get(e, `/api/v1/projects/${project.id}/outcomes`)).queue.queued).toBe(0);
    await ingest.gauge.refresh();
    expect((await post(envelopeUrl(), envelope([{ type: 'event' }, event()]))).statusCode).toBe(200);
  });

  it('keeps a rotated key working through its grace period and refuses a revoked key at once', async () => {
    const p = await createProject(e);
    const [key] = (await get(e, `/api/v1/projects/${p.id}/keys`)).data;
    const rotated = await e.app.inject({ method: 'POST', url: `/api/v1/projects/${p.id}/keys/${key.id}/rotate`, headers: e.admin.headers, payload: { graceSeconds: 30 } });
    expect(rotated.statusCode).toBe(201);
    const fresh = { ...p, publicKey: rotated.json().publicKey };
    expect((await send(p)).statusCode).toBe(200);
    expect((await send(fresh)).statusCode).toBe(200);
    expect((await get(e, `/api/v1/projects/${p.id}`)).dsn).toContain(`//${fresh.publicKey}@`);
    clock.advance(31 * SECOND);
    expect((await send(p)).statusCode).toBe(401);
    const revoked = await e.app.inject({ method: 'POST', url: `/api/v1/projects/${p.id}/keys/${rotated.json().id}/revoke`, headers: e.admin.headers });
    expect(revoked.json().status).toBe('revoked');
    expect((await send(fresh)).statusCode).toBe(401);
    const again = await e.app.inject({ method: 'POST', url: `/api/v1/projects/${p.id}/keys/${rotated.json().id}/revoke`, headers: e.admin.headers });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'PROJECT_KEY_REVOKED']);
  });
});
