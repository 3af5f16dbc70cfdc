import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAdmin, servicesOf } from '../src/modules/auth/index.ts';
import { computeRollups, getDailyUptime, getUptime, listMonitorStates } from '../src/modules/monitors/index.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { DAY, HOUR, ManualClock, MINUTE } from '../src/platform/clock.ts';
import { cliActor, serviceCtx, type Ctx } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { insertFlips, insertGap, insertMonitors, monitorRow } from './history-fixtures.ts';

const TODAY = Date.parse('2026-03-10T00:00:00Z');
const NOW = TODAY + 15 * HOUR + 20 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

describeEachDialect('getDailyUptime', (dialect) => {
  let t: TestRuntime;
  let ctx: Ctx;
  const ids: Record<'old' | 'fresh' | 'quiet' | 'foreign', string> = { old: '', fresh: '', quiet: '', foreign: '' };

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock: new ManualClock(NOW) });
    const services = servicesOf(t.runtime);
    const admin = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@daily.example.com', password: 'long enough password', orgSlug: 'daily' } });
    const other = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@daily-other.example.com', password: 'long enough password', orgSlug: 'daily-other' } });
    ctx = serviceCtx(services, admin.org.id, cliActor());
    const old = monitorRow(ctx.orgId, TODAY - 8 * DAY + 6 * HOUR, { name: 'old', state: 'degraded' });
    const fresh = monitorRow(ctx.orgId, TODAY + 10 * HOUR, { name: 'fresh', state: 'down' });
    const quiet = monitorRow(ctx.orgId, TODAY - 8 * DAY, { name: 'quiet' });
    const foreign = monitorRow(other.org.id, TODAY - 8 * DAY);
    await insertMonitors(t.runtime.db, [old, fresh, quiet, foreign]);
    Object.assign(ids, { old: old.id, fresh: fresh.id, quiet: quiet.id, foreign: foreign.id });
    // Down across a midnight, a flip exactly at midnight, maintenance, paused, degraded since this morning; a gap across midnight.
    await insertFlips(t.runtime.db, ctx.orgId, old.id, [
      { at: TODAY - 8 * DAY + 6 * HOUR + MINUTE, from: 'pending', to: 'up' },
      { at: TODAY - 6 * DAY - 30 * MINUTE, from: 'up', to: 'down' },
      { at: TODAY - 6 * DAY + 45 * MINUTE, from: 'down', to: 'up' },
      { at: TODAY - 5 * DAY, from: 'up', to: 'maintenance' },
      { at: TODAY - 5 * DAY + 2 * HOUR, from: 'maintenance', to: 'up' },
      { at: TODAY - 2 * DAY + 3 * HOUR, from: 'up', to: 'paused' },
      { at: TODAY - DAY - HOUR, from: 'paused', to: 'up' },
      { at: TODAY + 9 * HOUR, from: 'up', to: 'degraded' },
    ]);
    await insertFlips(t.runtime.db, ctx.orgId, fresh.id, [{ at: TODAY + 10 * HOUR + MINUTE, from: 'pending', to: 'up' }, { at: TODAY + 14 * HOUR, from: 'up', to: 'down' }]);
    await insertGap(t.runtime.db, ctx.orgId, old.id, TODAY - 4 * DAY - 10 * MINUTE, TODAY - 4 * DAY + 20 * MINUTE, 30);
    // Day rollups exist for some days only, as when the rollup job missed some.
    for (const day of [8, 7, 6, 4, 3]) await computeRollups({ services, period: 'day', startAt: TODAY - day * DAY });
  });
  afterAll(() => t.close());

  it('answers for every day what getUptime answers for that day, today partial', async () => {
    const daily = await getDailyUptime({ ctx, monitorIds: [ids.old, ids.fresh, ids.quiet, ids.old], from: TODAY - 9 * DAY + HOUR, to: NOW + HOUR });
    expect([...daily.keys()].toSorted()).toEqual([ids.old, ids.fresh, ids.quiet].toSorted());
    for (const [id, days] of daily) {
      expect(days.map((d) => d.day)).toEqual(Array.from({ length: 10 }, (_, i) => iso(TODAY - (9 - i) * DAY).slice(0, 10)));
      for (const [i, d] of days.entries()) {
        const from = TODAY - (9 - i) * DAY;
        const { uptime, degradedRatio, upMs, degradedMs, downMs, maintenanceMs, pausedMs, noDataMs } = await getUptime({ ctx, id, input: { from: iso(from), to: iso(Math.min(from + DAY, NOW)) } });
        expect({ id, ...d }).toEqual({ id, day: d.day, uptime, degradedRatio, upMs, degradedMs, downMs, maintenanceMs, pausedMs, noDataMs });
      }
    }
    const old = daily.get(ids.old)!;
    expect(old[0].uptime).toBeNull();
    expect(old[3]).toMatchObject({ downMs: 45 * MINUTE, maintenanceMs: 0 });
    expect(old.at(-1)).toMatchObject({ degradedMs: 6 * HOUR + 20 * MINUTE, noDataMs: 0 });
    expect(daily.get(ids.fresh)!.at(-1)).toMatchObject({ upMs: 4 * HOUR - MINUTE, downMs: HOUR + 20 * MINUTE, noDataMs: 10 * HOUR + MINUTE });
  });

  it('reads finished days from the day rollups', async () => {
    const rollups = t.runtime.db.withTables<MonitorTables>();
    await rollups.updateTable('monitor_rollups').set({ up_ms: 1000, down_ms: 3000 }).where('monitor_id', '=', ids.quiet).where('period', '=', 'day').where('start_at', '=', TODAY - 3 * DAY).execute();
    const days = (await getDailyUptime({ ctx, monitorIds: [ids.quiet], from: TODAY - 3 * DAY, to: NOW })).get(ids.quiet)!;
    expect(days.map((d) => d.uptime)).toEqual([0.25, 1, 1, 1]);
  });

  it('answers nothing for other organizations and rejects too long a range', async () => {
    expect((await getDailyUptime({ ctx, monitorIds: [ids.foreign, 'no-such-monitor'], from: TODAY, to: NOW })).size).toBe(0);
    await expect(getDailyUptime({ ctx, monitorIds: [ids.old], from: NOW - 401 * DAY, to: NOW })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(getDailyUptime({ ctx, monitorIds: [ids.old], from: NOW, to: NOW - DAY })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describeEachDialect('listMonitorStates', (dialect) => {
  let t: TestRuntime;

  afterAll(() => t.close());

  it('names the state of each monitor of the organization in one answer', async () => {
    t = await createTestRuntime({ dialect, clock: new ManualClock(NOW) });
    const services = servicesOf(t.runtime);
    const admin = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@states.example.com', password: 'long enough password', orgSlug: 'states' } });
    const other = await createAdmin({ services, actor: cliActor(), input: { email: 'owner@states-other.example.com', password: 'long enough password', orgSlug: 'states-other' } });
    const ctx = serviceCtx(services, admin.org.id, cliActor());
    const [up, down, foreign] = [monitorRow(ctx.orgId, TODAY, { name: 'api' }), monitorRow(ctx.orgId, TODAY, { name: 'db', state: 'down' }), monitorRow(other.org.id, TODAY)];
    await insertMonitors(t.runtime.db, [up, down, foreign]);
    const states = await listMonitorStates({ ctx, monitorIds: [up.id, down.id, foreign.id, 'nope'] });
    expect(Object.fromEntries(states)).toEqual({ [up.id]: { name: 'api', state: 'up' }, [down.id]: { name: 'db', state: 'down' } });
  });
});
