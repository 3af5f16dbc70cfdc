import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrgWithOwner } from '../../../test/helpers/auth.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/helpers/runtime.ts';
import { ManualClock, MINUTE } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { JobTables } from '../../platform/jobs/index.ts';
import { createMonitor } from './create-monitor.ts';
import { getMonitor } from './get-monitor.ts';
import { createDefaultProbeRegistry } from './probes/index.ts';
import { recordExternalState, MONITOR_STATE_TOPIC } from './record-external-state.ts';
import { setMonitorPaused } from './set-paused.ts';
import { monitorsDb } from './store.ts';

describeEachDialect('recordExternalState', (dialect) => {
  let t: TestRuntime;
  let ctx: Ctx;
  let other: Ctx;
  const clock = new ManualClock('2026-04-01T00:00:00Z');
  const probes = createDefaultProbeRegistry();
  const published: { monitorId: string; state: string }[] = [];

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    ctx = (await createOrgWithOwner(t.runtime, 'ext-a')).ctx;
    other = (await createOrgWithOwner(t.runtime, 'ext-b', { email: 'owner@ext-a.example.com' })).ctx;
    t.runtime.bus.subscribe<{ monitorId: string; state: string }>(MONITOR_STATE_TOPIC, (p) => published.push(p));
  });
  afterAll(() => t.close());

  const heartbeat = async () => (await createMonitor({ ctx, probes, input: { name: 'hb', type: 'heartbeat', settings: {}, labels: {}, interval: 60, confirmDown: 1, confirmUp: 1, paused: false } })).id;
  const record = (monitorId: string, health: 'up' | 'down' | 'degraded' | null, orgId = ctx.orgId) =>
    recordExternalState({ db: t.runtime.db, bus: t.runtime.bus, now: clock.now(), changes: [{ orgId, monitorId, at: clock.now(), health, reason: { cause: 'test' }, observation: { outcome: 'up', latencyMs: 7 } }] });
  const flipJobs = async (monitorId: string) =>
    (await t.runtime.db.withTables<JobTables>().selectFrom('jobs').selectAll().where('kind', '=', 'monitor.flip').execute()).filter((j) => JSON.parse(j.payload).monitorId === monitorId);

  it('flips the visible state, writes the flip row and a monitor.flip job, and publishes', async () => {
    const id = await heartbeat();
    const recorded = await record(id, 'up');
    expect(recorded.flips).toHaveLength(1);
    expect(await getMonitor({ ctx, id })).toMatchObject({ state: 'up', stateSince: new Date(clock.now()).toISOString(), lastOutcome: 'up', lastLatencyMs: 7, stateReason: { cause: 'test' } });
    const rows = await monitorsDb(t.runtime.db).selectFrom('monitor_flips').selectAll().where('monitor_id', '=', id).execute();
    expect(rows.map((r) => [r.from_state, r.to_state])).toEqual([['pending', 'up']]);
    const [job] = await flipJobs(id);
    expect(job.idempotency_key).toBe(`flip:${rows[0].id}`);
    expect(JSON.parse(job.payload)).toEqual({ orgId: ctx.orgId, monitorId: id, flipId: rows[0].id, from: 'pending', to: 'up', at: clock.now(), reason: { cause: 'test' } });
    expect(published.filter((p) => p.monitorId === id).map((p) => p.state)).toEqual(['up']);
  });

  it('records only the observation when the health does not change', async () => {
    const id = await heartbeat();
    await record(id, 'up');
    clock.advance(MINUTE);
    expect((await record(id, null)).flips).toEqual([]);
    expect((await getMonitor({ ctx, id })).lastCheckAt).toBe(new Date(clock.now()).toISOString());
    expect(await flipJobs(id)).toHaveLength(1);
  });

  it('keeps a paused monitor paused and flips nothing, but remembers the health for the resume', async () => {
    const id = await heartbeat();
    await record(id, 'up');
    await setMonitorPaused({ ctx, id, paused: true });
    await record(id, 'down');
    expect((await getMonitor({ ctx, id })).state).toBe('paused');
    expect(await flipJobs(id)).toHaveLength(1);
    expect((await setMonitorPaused({ ctx, id, paused: false })).state).toBe('down');
  });

  it('keeps a monitor in maintenance in maintenance', async () => {
    const id = await heartbeat();
    await monitorsDb(t.runtime.db).updateTable('monitors').set({ state: 'maintenance' }).where('id', '=', id).execute();
    expect((await record(id, 'down')).flips).toEqual([]);
    expect((await getMonitor({ ctx, id })).state).toBe('maintenance');
  });

  it('ignores a change that names the monitor under another organization', async () => {
    const id = await heartbeat();
    const recorded = await record(id, 'down', other.orgId);
    expect(recorded.found.size).toBe(0);
    expect((await getMonitor({ ctx, id })).state).toBe('pending');
  });

  it('writes nothing and publishes nothing when the caller’s transaction rolls back', async () => {
    const id = await heartbeat();
    const before = published.length;
    await expect(
      t.runtime.db.transaction().execute(async (tx) => {
        const recorded = await recordExternalState({ db: tx, bus: t.runtime.bus, now: clock.now(), changes: [{ orgId: ctx.orgId, monitorId: id, at: clock.now(), health: 'down' }] });
        expect(recorded.flips).toHaveLength(1);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(published.length).toBe(before);
    expect((await getMonitor({ ctx, id })).state).toBe('pending');
    expect(await flipJobs(id)).toEqual([]);
  });
});
