import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { RESUME_CHECK_MS, scheduleSweep, sweepHeartbeats } from '../src/modules/heartbeats/index.ts';
import { HOUR, ManualClock, MINUTE, SECOND } from '../src/platform/clock.ts';
import { createOrgWithOwner, createTokenFor, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createHeartbeat, flipJobs, type CreatedHeartbeat } from './helpers/heartbeats.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describeEachDialect('heartbeat schedules over a driven clock', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let admin: TestToken;
  const clock = new ManualClock('2026-03-01T00:00:00Z');

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    await createOrgWithOwner(t.runtime, 'sched');
    admin = await createTokenFor(t.runtime, 'sched', 'admin');
    await scheduleSweep(t.runtime, clock.now(), clock.now());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  /** Moves the clock and lets the job runner do everything due (the heartbeat sweep among it). */
  async function at(time: string | number): Promise<void> {
    clock.set(time);
    for (let i = 0; i < 100 && (await t.runtime.runner.runOnce()).claimed > 0; i++);
  }
  const ping = async (hb: CreatedHeartbeat, suffix = '') => expect((await app.inject({ method: 'GET', url: `${hb.ping}${suffix}` })).statusCode).toBe(200);
  const state = async (hb: CreatedHeartbeat) => (await app.inject({ method: 'GET', url: `/api/v1/monitors/${hb.id}`, headers: admin.headers })).json();
  const detail = async (hb: CreatedHeartbeat) => (await app.inject({ method: 'GET', url: `/api/v1/heartbeats/${hb.id}`, headers: admin.headers })).json();
  const sweep = (now: number) => sweepHeartbeats({ db: t.runtime.db, dialect: t.runtime.dialect, bus: t.runtime.bus, logger: t.runtime.logger, now });
  const flips = async (hb: CreatedHeartbeat) => (await flipJobs(t.runtime, hb.id)).map((j) => [j.payload.from, j.payload.to, iso(j.payload.at)]);

  it('expects a cron schedule at 02:00 London time across the March DST change', async () => {
    const hb = await createHeartbeat(app, admin.headers, { cron: '0 2 * * *', timezone: 'Europe/London', grace: 1800 });
    clock.set('2026-03-28T02:05:00Z');
    await ping(hb);
    expect((await detail(hb)).nextExpectedAt).toBe('2026-03-29T01:00:00.000Z');
    await at('2026-03-29T00:59:59Z');
    expect((await state(hb)).state).toBe('up');
    await at('2026-03-29T01:00:00Z');
    expect(await state(hb)).toMatchObject({ state: 'degraded', stateSince: '2026-03-29T01:00:00.000Z', stateReason: { errorCode: 'HEARTBEAT_LATE' } });
    expect((await detail(hb)).late).toBe(true);
    await at('2026-03-29T01:30:00Z');
    expect((await state(hb)).state).toBe('down');
    clock.set('2026-03-29T01:40:00Z');
    await ping(hb);
    expect((await detail(hb)).nextExpectedAt).toBe('2026-03-30T01:00:00.000Z');
    expect(await flips(hb)).toEqual([
      ['pending', 'up', '2026-03-28T02:05:00.000Z'],
      ['up', 'degraded', '2026-03-29T01:00:00.000Z'],
      ['degraded', 'down', '2026-03-29T01:30:00.000Z'],
      ['down', 'up', '2026-03-29T01:40:00.000Z'],
    ]);
  });

  it('goes up → late (degraded) → down → up on a period with grace, writing a monitor.flip job per change', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600, grace: 600 });
    const t0 = Date.parse('2026-05-01T00:00:00Z');
    clock.set(t0);
    await ping(hb);
    await at(t0 + HOUR - SECOND);
    expect((await state(hb)).state).toBe('up');
    await at(t0 + HOUR + 5 * MINUTE);
    expect((await state(hb)).state).toBe('degraded');
    await at(t0 + HOUR + 10 * MINUTE - SECOND);
    expect((await state(hb)).state).toBe('degraded');
    await at(t0 + 3 * HOUR);
    expect(await state(hb)).toMatchObject({ state: 'down', stateSince: iso(t0 + HOUR + 10 * MINUTE), stateReason: { errorCode: 'HEARTBEAT_MISSED' } });
    clock.set(t0 + 4 * HOUR);
    await ping(hb);
    expect((await state(hb)).state).toBe('up');
    expect(await flips(hb)).toEqual([
      ['pending', 'up', iso(t0)],
      ['up', 'degraded', iso(t0 + HOUR)],
      ['degraded', 'down', iso(t0 + HOUR + 10 * MINUTE)],
      ['down', 'up', iso(t0 + 4 * HOUR)],
    ]);
    const jobs = await flipJobs(t.runtime, hb.id);
    for (const job of jobs) expect(job.idempotencyKey).toBe(`flip:${job.payload.flipId}`);
    expect(new Set(jobs.map((j) => j.payload.flipId)).size).toBe(4);
  });

  it('takes a run that started and never finished down after the grace time', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 86_400, grace: 300 });
    const t0 = Date.parse('2026-06-01T00:00:00Z');
    clock.set(t0);
    await ping(hb);
    clock.set(t0 + HOUR);
    await ping(hb, '/start');
    clock.set(t0 + HOUR + 2 * MINUTE);
    await ping(hb);
    clock.set(t0 + 2 * HOUR);
    await ping(hb, '/start');
    await at(t0 + 2 * HOUR + 5 * MINUTE - SECOND);
    expect((await state(hb)).state).toBe('up');
    await at(t0 + 2 * HOUR + 5 * MINUTE);
    expect(await state(hb)).toMatchObject({ state: 'down', stateReason: { cause: 'run_not_finished', errorCode: 'HEARTBEAT_RUN_NOT_FINISHED' } });
    expect((await detail(hb)).runs.map((r: { outcome: string }) => r.outcome)).toEqual(['success']);
  });

  it('ignores deadlines while paused and counts the schedule again from the resume', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 3600, grace: 600 });
    const t0 = Date.parse('2026-07-01T00:00:00Z');
    clock.set(t0);
    await ping(hb);
    await app.inject({ method: 'POST', url: `/api/v1/monitors/${hb.id}/pause`, headers: admin.headers });
    await at(t0 + 5 * HOUR);
    await at(t0 + 9 * HOUR);
    expect((await state(hb)).state).toBe('paused');
    await app.inject({ method: 'POST', url: `/api/v1/monitors/${hb.id}/resume`, headers: admin.headers });
    expect((await state(hb)).state).toBe('up');
    const rearmed = t0 + 9 * HOUR + RESUME_CHECK_MS;
    await at(rearmed);
    expect((await detail(hb)).nextExpectedAt).toBe(iso(rearmed + HOUR));
    await at(rearmed + HOUR - SECOND);
    expect((await state(hb)).state).toBe('up');
    await at(rearmed + HOUR);
    expect((await state(hb)).state).toBe('degraded');
    expect((await flips(hb)).map(([from, to]) => `${from}→${to}`)).toEqual(['pending→up', 'up→degraded']);
  });

  it('moves the deadline when the schedule changes', async () => {
    const hb = await createHeartbeat(app, admin.headers, { period: 86_400, grace: 600 });
    const t0 = Date.parse('2026-08-01T00:00:00Z');
    clock.set(t0);
    await ping(hb);
    clock.set(t0 + MINUTE);
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/monitors/${hb.id}`, headers: admin.headers, payload: { settings: { period: 600, grace: 60 } } });
    expect(patched.statusCode).toBe(200);
    await at(t0 + 10 * MINUTE);
    expect((await state(hb)).state).toBe('degraded');
    expect((await detail(hb)).nextExpectedAt).toBe(iso(t0 + 10 * MINUTE));
  });

  it('expects 02:00 London time across the October DST change, 25 hours after the last', async () => {
    const hb = await createHeartbeat(app, admin.headers, { cron: '0 2 * * *', timezone: 'Europe/London', grace: 1800 });
    clock.set('2026-10-24T01:05:00Z');
    await ping(hb);
    expect((await detail(hb)).nextExpectedAt).toBe('2026-10-25T02:00:00.000Z');
    await at('2026-10-25T01:59:00Z');
    expect((await state(hb)).state).toBe('up');
    await at('2026-10-25T02:00:00Z');
    expect((await state(hb)).state).toBe('degraded');
    await at('2026-10-25T02:30:00Z');
    expect((await state(hb)).state).toBe('down');
  });

  it('reads only the heartbeats whose deadline passed', async () => {
    const t0 = Date.parse('2026-11-01T00:00:00Z');
    await at(t0);
    const idle = await Promise.all(Array.from({ length: 20 }, () => createHeartbeat(app, admin.headers, { period: 86_400, grace: 600 })));
    const soon = await createHeartbeat(app, admin.headers, { period: 600, grace: 60 });
    for (const hb of [...idle, soon]) await ping(hb);
    expect((await sweep(t0 + 5 * MINUTE)).examined).toBe(0);
    expect(await sweep(t0 + 10 * MINUTE)).toMatchObject({ examined: 1, changes: 1 });
    expect((await sweep(t0 + 10 * MINUTE)).examined).toBe(0);
  });

  it('looks once at a deadline a later ping made stale, and changes nothing there', async () => {
    const t0 = Date.parse('2026-11-05T00:00:00Z');
    await at(t0);
    const hb = await createHeartbeat(app, admin.headers, { period: 600, grace: 60 });
    await ping(hb);
    clock.set(t0 + 5 * MINUTE);
    await ping(hb);
    expect(await sweep(t0 + 10 * MINUTE)).toMatchObject({ examined: 1, changes: 0 });
    expect((await state(hb)).state).toBe('up');
    expect((await sweep(t0 + 14 * MINUTE)).examined).toBe(0);
    expect(await sweep(t0 + 15 * MINUTE)).toMatchObject({ examined: 1, changes: 1 });
    expect((await state(hb)).state).toBe('degraded');
  });
});
