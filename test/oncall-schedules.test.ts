import { afterAll, beforeAll, expect, it } from 'vitest';
import { removeMember } from '../src/modules/auth/index.ts';
import { addLayer, createOverride, createSchedule, listShifts, updateLayer, whoIsOnCall, type LayerInput } from '../src/modules/oncall/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { oncallOrg, type OncallPerson } from './oncall-helpers.ts';

const at = (iso: string) => Date.parse(iso);

describeEachDialect('on-call schedules', (dialect) => {
  let t: TestRuntime;
  let ctx: Ctx;
  let people: Record<string, OncallPerson>;
  let n = 0;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock: new ManualClock('2026-03-01T00:00:00Z') });
    ({ ctx, people } = await oncallOrg(t.runtime, `sched-${dialect}`, ['ann', 'bob', 'cat', 'dan']));
  });
  afterAll(() => t.close());

  const daily = (timeZone: string, startDate: string, names: string[], over: Partial<LayerInput> = {}): LayerInput => ({
    name: 'Rotation',
    participants: names.map((x) => people[x].id),
    rotation: 'daily',
    handoffTime: '09:00',
    timeZone,
    startDate,
    restrictions: [],
    ...over,
  });
  const schedule = async (timeZone: string, layers: LayerInput[]) => createSchedule({ ctx, input: { name: `s${++n}`, timeZone, layers } });
  const who = async (scheduleId: string, iso: string) => {
    const onCall = await whoIsOnCall({ ctx, scheduleId, at: at(iso) });
    return Object.entries(people).find(([, p]) => p.id === onCall.user?.id)?.[0] ?? null;
  };
  /** Who is on call just before and exactly at each instant. */
  const around = async (scheduleId: string, instants: string[]) => {
    const out: string[] = [];
    for (const iso of instants) out.push(`${await who(scheduleId, new Date(at(iso) - 1).toISOString())}>${await who(scheduleId, iso)}`);
    return out;
  };

  it('keeps a daily 09:00 London handoff at 09:00 local on both sides of the March and October changes', async () => {
    const march = await schedule('Europe/London', [daily('Europe/London', '2026-03-27', ['ann', 'bob', 'cat'])]);
    // 09:00 GMT on the 28th, then 09:00 BST (08:00Z) on the 29th and 30th.
    expect(await around(march.id, ['2026-03-28T09:00:00Z', '2026-03-29T08:00:00Z', '2026-03-30T08:00:00Z'])).toEqual(['ann>bob', 'bob>cat', 'cat>ann']);
    expect(await who(march.id, '2026-03-29T08:59:00Z')).toBe('cat');
    const onCall = await whoIsOnCall({ ctx, scheduleId: march.id, at: at('2026-03-29T12:00:00Z') });
    expect([onCall.since, onCall.until]).toEqual(['2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);

    const october = await schedule('Europe/London', [daily('Europe/London', '2026-10-23', ['ann', 'bob'])]);
    // 09:00 BST (08:00Z) on the 24th, 09:00 GMT on the 25th: a 25-hour shift.
    expect(await around(october.id, ['2026-10-24T08:00:00Z', '2026-10-25T09:00:00Z', '2026-10-26T09:00:00Z'])).toEqual(['ann>bob', 'bob>ann', 'ann>bob']);
    expect(await who(october.id, '2026-10-25T08:30:00Z')).toBe('bob');
  });

  it('keeps a daily 09:00 New York handoff at 09:00 local across the March and November changes', async () => {
    const spring = await schedule('America/New_York', [daily('America/New_York', '2026-03-06', ['ann', 'bob'])]);
    // 09:00 EST is 14:00Z on the 7th; 09:00 EDT is 13:00Z on the 8th.
    expect(await around(spring.id, ['2026-03-07T14:00:00Z', '2026-03-08T13:00:00Z', '2026-03-09T13:00:00Z'])).toEqual(['ann>bob', 'bob>ann', 'ann>bob']);
    const autumn = await schedule('America/New_York', [daily('America/New_York', '2026-10-30', ['ann', 'bob'])]);
    expect(await around(autumn.id, ['2026-10-31T13:00:00Z', '2026-11-01T14:00:00Z'])).toEqual(['ann>bob', 'bob>ann']);
    expect(await who(autumn.id, '2026-11-01T13:30:00Z')).toBe('bob');
  });

  it('puts an override over the rotation across the March change, exactly from start to end', async () => {
    const s = await schedule('Europe/London', [daily('Europe/London', '2026-03-27', ['ann', 'bob', 'cat'])]);
    await createOverride({ ctx: people.dan.ctx, scheduleId: s.id, input: { userId: people.dan.id, start: '2026-03-29T00:30:00Z', end: '2026-03-29T08:30:00Z' } });
    expect(await around(s.id, ['2026-03-29T00:30:00Z', '2026-03-29T08:00:00Z', '2026-03-29T08:30:00Z'])).toEqual(['bob>dan', 'dan>dan', 'dan>cat']);
    const shifts = await listShifts({ ctx, scheduleId: s.id, input: { from: '2026-03-28T12:00:00Z', to: '2026-03-29T12:00:00Z' } });
    expect(shifts.map((x) => [x.userName, x.start, x.end, x.source.type])).toEqual([
      ['Bob', '2026-03-28T12:00:00.000Z', '2026-03-29T00:30:00.000Z', 'layer'],
      ['Dan', '2026-03-29T00:30:00.000Z', '2026-03-29T08:30:00.000Z', 'override'],
      ['Cat', '2026-03-29T08:30:00.000Z', '2026-03-29T12:00:00.000Z', 'layer'],
    ]);
  });

  it('lets a business-hours layer override the 24/7 layer only Monday to Friday 09:00-17:00 in its zone', async () => {
    const base = daily('America/New_York', '2026-03-02', ['ann'], { name: 'Around the clock', rotation: 'weekly' });
    const office = daily('America/New_York', '2026-03-02', ['bob', 'cat'], { name: 'Office hours', restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] });
    const s = await schedule('America/New_York', [base, office]);
    // Friday 6 March (EST, -5): 09:00 = 14:00Z, 17:00 = 22:00Z; Monday 9 March (EDT, -4): 09:00 = 13:00Z.
    expect(await around(s.id, ['2026-03-06T14:00:00Z', '2026-03-06T22:00:00Z', '2026-03-09T13:00:00Z', '2026-03-09T21:00:00Z'])).toEqual(['ann>bob', 'bob>ann', 'ann>cat', 'cat>ann']);
    expect(await who(s.id, '2026-03-07T17:00:00Z')).toBe('ann');
    const shifts = await listShifts({ ctx, scheduleId: s.id, input: { from: '2026-03-06T00:00:00Z', to: '2026-03-10T00:00:00Z' } });
    expect(shifts.map((x) => `${x.userName} ${x.start.slice(0, 16)}`)).toEqual(['Ann 2026-03-06T00:00', 'Bob 2026-03-06T14:00', 'Ann 2026-03-06T22:00', 'Cat 2026-03-09T13:00', 'Ann 2026-03-09T21:00']);
  });

  it('answers the incoming person at the exact handoff instant, for custom shifts too', async () => {
    const s = await schedule('UTC', [daily('UTC', '2026-03-02', ['ann', 'bob', 'cat'], { rotation: 'custom', shiftHours: 8, handoffTime: '06:00' })]);
    expect(await around(s.id, ['2026-03-02T06:00:00Z', '2026-03-02T14:00:00Z', '2026-03-02T22:00:00Z', '2026-03-03T06:00:00Z'])).toEqual(['null>ann', 'ann>bob', 'bob>cat', 'cat>ann']);
    const onCall = await whoIsOnCall({ ctx, scheduleId: s.id, at: at('2026-03-02T14:00:00Z') });
    expect(onCall).toMatchObject({ at: '2026-03-02T14:00:00.000Z', since: '2026-03-02T14:00:00.000Z', until: '2026-03-02T22:00:00.000Z', source: { type: 'layer' } });
  });

  it('shows the lower layer through a gap, a new top layer and a removed member', async () => {
    const s = await schedule('UTC', [daily('UTC', '2026-03-02', ['ann'])]);
    const top = await addLayer({ ctx, scheduleId: s.id, input: daily('UTC', '2026-03-02', ['dan'], { restrictions: [{ days: ['mon'], start: '12:00', end: '13:00' }] }) });
    expect(top.position).toBe(2);
    expect(await around(s.id, ['2026-03-09T12:00:00Z', '2026-03-09T13:00:00Z'])).toEqual(['ann>dan', 'dan>ann']);
    await updateLayer({ ctx, scheduleId: s.id, layerId: top.id, input: { position: 0 } });
    expect(await who(s.id, '2026-03-09T12:30:00Z')).toBe('ann');
    await updateLayer({ ctx, scheduleId: s.id, layerId: top.id, input: { position: 5 } });
    const { ctx: otherCtx, people: others } = await oncallOrg(t.runtime, `sched-gone-${dialect}`, ['eve', 'fay']);
    const mixed = await createSchedule({ ctx: otherCtx, input: { name: 'mixed', timeZone: 'UTC', layers: [{ ...daily('UTC', '2026-03-02', []), participants: [others.fay.id] }, { ...daily('UTC', '2026-03-02', []), participants: [others.eve.id] }] } });
    expect((await whoIsOnCall({ ctx: otherCtx, scheduleId: mixed.id, at: at('2026-03-09T12:00:00Z') })).user?.id).toBe(others.eve.id);
    await removeMember({ ctx: otherCtx, userId: others.eve.id });
    expect((await whoIsOnCall({ ctx: otherCtx, scheduleId: mixed.id, at: at('2026-03-09T12:00:00Z') })).user?.id).toBe(others.fay.id);
  });

  it('rejects layers whose participants are not members, naming the field', async () => {
    const { ctx: otherCtx, people: others } = await oncallOrg(t.runtime, `sched-bad-${dialect}`, ['gus']);
    const bad = createSchedule({ ctx: otherCtx, input: { name: 'bad', timeZone: 'UTC', layers: [{ ...daily('UTC', '2026-03-02', []), participants: [others.gus.id, people.ann.id] }] } });
    await expect(bad).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'layers.0.participants.1', message: 'not a member of this organization' }] } });
    const custom = createSchedule({ ctx: otherCtx, input: { name: 'bad', timeZone: 'UTC', layers: [{ ...daily('UTC', '2026-03-02', []), participants: [others.gus.id], rotation: 'custom' }] } });
    await expect(custom).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'layers.0.shiftHours' }] } });
  });
});
