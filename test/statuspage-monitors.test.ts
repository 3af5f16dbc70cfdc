import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { createAdmin, createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { createDefaultProbeRegistry, createMonitor } from '../src/modules/monitors/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { cliActor, serviceCtx, type Ctx } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const probes = createDefaultProbeRegistry();
const monitor = async (ctx: Ctx, name: string, paused: boolean) =>
  (await createMonitor({ ctx, probes, input: { name, type: 'tcp', settings: { host: '127.0.0.1', port: 9 }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused } })).id;

/** The composition root's adapter: status pages read real monitors through the monitors module's verbs. */
describeEachDialect('status pages over real monitors', (dialect) => {
  const clock = new ManualClock('2026-11-22T12:00:00Z');
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctx: Ctx;
  let headers: { authorization: string };

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    const services = servicesOf(t.runtime);
    const a = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@spm.example.com', password: 'long enough password', orgSlug: 'spm' } });
    ctx = serviceCtx(services, a.org.id, cliActor());
    headers = { authorization: `Bearer ${(await createApiToken({ ctx, input: { name: 'admin', role: 'admin' } })).token}` };
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('shows pending and paused monitors as no data, with no uptime before they existed', async () => {
    const [active, paused] = [await monitor(ctx, 'api', false), await monitor(ctx, 'batch', true)];
    const page = (await app.inject({ method: 'POST', url: '/api/v1/status-pages', headers, payload: { slug: 'real', title: 'Real', published: true } })).json();
    const add = (name: string, monitorIds: string[]) => app.inject({ method: 'POST', url: `/api/v1/status-pages/${page.id}/components`, headers, payload: { name, monitorIds } });
    expect((await add('API', [active])).statusCode).toBe(201);
    expect((await add('Batch', [paused])).statusCode).toBe(201);
    clock.advance(3 * 86_400_000);

    const json = (await app.inject({ url: '/status/real/status.json' })).json();
    expect(json.status).toEqual({ indicator: 'none', description: 'All systems operational' });
    expect(json.components.map((c: { name: string; status: string; uptime_90d: number | null }) => [c.name, c.status, c.uptime_90d])).toEqual([
      ['API', 'no_data', null],
      ['Batch', 'no_data', null],
    ]);
    const html = (await app.inject({ url: '/status/real' })).body;
    expect(html.match(/<span class=none title=/g)).toHaveLength(180);
  });
});
