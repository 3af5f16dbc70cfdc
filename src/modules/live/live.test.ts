import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appModules } from '../../app/modules.ts';
import { buildApp } from '../../http/build-app.ts';
import { createOrgWithOwner, createTokenFor } from '../../../test/helpers/auth.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/helpers/runtime.ts';
import { createLiveModule } from './index.ts';

interface OpenStream {
  status: number;
  contentType: string | null;
  /** Resolves with everything received until `until` matches the text so far. */
  read(until: (text: string) => boolean): Promise<string>;
  close(): void;
}

async function openStream(url: string, headers: Record<string, string>): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    async read(until) {
      while (!until(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text;
    },
    close: () => abort.abort(),
  };
}

describe('GET /api/v1/events', () => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let base: string;
  let orgA: string;
  let orgB: string;
  let viewerA: Record<string, string>;
  let viewerB: Record<string, string>;

  beforeAll(async () => {
    const modules = [...appModules().filter((m) => m.name !== 'live'), createLiveModule({ heartbeatMs: 50, maxStreamsPerOrg: 2, coalesceMs: 30 })];
    t = await createTestRuntime({ dialect: 'sqlite', modules });
    orgA = (await createOrgWithOwner(t.runtime, 'live-a')).org.id;
    orgB = (await createOrgWithOwner(t.runtime, 'live-b', { email: 'owner@live-a.example.com' })).org.id;
    viewerA = (await createTokenFor(t.runtime, 'live-a', 'viewer')).headers;
    viewerB = (await createTokenFor(t.runtime, 'live-b', 'viewer')).headers;
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it("streams the organization's monitor.state events and no other organization's", async () => {
    const a = await openStream(`${base}/api/v1/events`, viewerA);
    const b = await openStream(`${base}/api/v1/events`, viewerB);
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^text\/event-stream/);
    await a.read((s) => s.includes('event: ready'));
    await b.read((s) => s.includes('event: ready'));

    t.runtime.bus.publish('monitor.state', { orgId: orgB, monitorId: 'm-b', state: 'down' });
    t.runtime.bus.publish('monitor.state', { orgId: orgA, monitorId: 'm-a', state: 'down', reason: { errorCode: 'CONNECTION_REFUSED' } });
    const textA = await a.read((s) => s.includes('m-a'));
    const textB = await b.read((s) => s.includes('m-b'));
    a.close();
    b.close();

    const eventsA = textA.split('\n\n').filter((f) => f.startsWith('event: monitor.state'));
    expect(eventsA).toHaveLength(1);
    expect(JSON.parse(eventsA[0].split('data: ')[1])).toEqual({ monitorId: 'm-a', state: 'down', reason: { errorCode: 'CONNECTION_REFUSED' } });
    expect(textA).not.toContain('m-b');
    expect(textB).not.toContain('m-a');
  });

  it('coalesces bursts of events for one monitor into the latest', async () => {
    const a = await openStream(`${base}/api/v1/events`, viewerA);
    await a.read((s) => s.includes('event: ready'));
    for (const state of ['down', 'up', 'degraded']) t.runtime.bus.publish('monitor.state', { orgId: orgA, monitorId: 'm-burst', state });
    t.runtime.bus.publish('monitor.state', { orgId: orgA, monitorId: 'm-other', state: 'up' });
    const text = await a.read((s) => s.includes('m-other'));
    a.close();
    const frames = text.split('\n\n').filter((f) => f.includes('m-burst'));
    expect(frames).toHaveLength(1);
    expect(frames[0]).toContain('"state":"degraded"');
  });

  it('sends heartbeat comments', async () => {
    const a = await openStream(`${base}/api/v1/events`, viewerA);
    const text = await a.read((s) => s.split(': heartbeat').length > 2);
    a.close();
    expect(text).toMatch(/^retry: \d+/);
  });

  it('caps open streams per organization and frees a slot when a client disconnects', async () => {
    const first = await openStream(`${base}/api/v1/events`, viewerA);
    const second = await openStream(`${base}/api/v1/events`, viewerA);
    await first.read((s) => s.includes('ready'));
    await second.read((s) => s.includes('ready'));

    const third = await fetch(`${base}/api/v1/events`, { headers: { accept: 'text/event-stream', ...viewerA } });
    expect(third.status).toBe(429);
    expect((await third.json()).error.code).toBe('LIVE_STREAM_LIMIT');
    const otherOrg = await openStream(`${base}/api/v1/events`, viewerB);
    expect(otherOrg.status).toBe(200);
    otherOrg.close();

    first.close();
    let retry: Response | undefined;
    for (let i = 0; i < 100; i++) {
      retry = await fetch(`${base}/api/v1/events`, { headers: { accept: 'text/event-stream', ...viewerA } });
      if (retry.status === 200) break;
      await retry.body?.cancel();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(retry!.status).toBe(200);
    await retry!.body?.cancel();
    second.close();
  });

  it('answers 401 without credentials and 400 to a client that does not accept an event stream', async () => {
    const anonymous = await fetch(`${base}/api/v1/events`, { headers: { accept: 'text/event-stream' } });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHORIZED');
    const json = await fetch(`${base}/api/v1/events`, { headers: { accept: 'application/json', ...viewerA } });
    expect(json.status).toBe(400);
    expect((await json.json()).error.code).toBe('BAD_REQUEST');
  });

  it('ends open streams when the server closes', async () => {
    const modules = [...appModules().filter((m) => m.name !== 'live'), createLiveModule()];
    const other = await createTestRuntime({ dialect: 'sqlite', modules });
    await createOrgWithOwner(other.runtime, 'live-c');
    const token = await createTokenFor(other.runtime, 'live-c', 'viewer');
    const otherApp = await buildApp(other.runtime, { runsJobs: false, web: false });
    const url = await otherApp.listen({ port: 0, host: '127.0.0.1' });
    const s = await openStream(`${url}/api/v1/events`, token.headers);
    await s.read((x) => x.includes('ready'));
    await otherApp.close();
    const text = await s.read(() => false);
    expect(text).toContain('event: ready');
    await other.close();
  });
});
