import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { createApiToken } from '../src/modules/auth/index.ts';
import { createOverride, createSchedule, listShifts } from '../src/modules/oncall/index.ts';
import { DAY, ManualClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { loginAs, TEST_PASSWORD } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { oncallOrg, parseCalendar, type OncallPerson } from './oncall-helpers.ts';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const UTC_STAMP = /^\d{8}T\d{6}Z$/;
const stamp = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
const LONG_NAME = 'Payments, EU; primary on-call rotation for the ledger and settlement services ✓';

describeEachDialect('on-call iCal feeds', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctx: Ctx;
  let people: Record<string, OncallPerson>;
  let admin: { authorization: string };
  let scheduleId: string;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock: new ManualClock(NOW) });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    ({ ctx, people } = await oncallOrg(t.runtime, `ical-${dialect}`, ['ann', 'bob']));
    admin = { authorization: `Bearer ${(await createApiToken({ ctx, input: { name: 'admin', role: 'admin' } })).token}` };
    const layer = { name: 'Weekly', participants: [people.ann.id, people.bob.id], rotation: 'weekly' as const, handoffTime: '09:00', timeZone: 'Europe/London', startDate: '2026-03-02', restrictions: [] };
    scheduleId = (await createSchedule({ ctx, input: { name: LONG_NAME, timeZone: 'Europe/London', layers: [layer] } })).id;
    await createOverride({ ctx, scheduleId, input: { userId: people.ann.id, start: '2026-03-29T00:00:00Z', end: '2026-03-29T12:00:00Z', note: 'covering' } });
    await createSchedule({ ctx, input: { name: 'Database', timeZone: 'UTC', layers: [{ ...layer, timeZone: 'UTC', participants: [people.ann.id] }] } });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const feedToken = async (url: string, headers: Record<string, string>) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: {} });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; token: string; path: string; prefix: string };
  };

  it('serves the schedule as RFC 5545 with UTC times, folded lines and escaped text', async () => {
    const created = await feedToken(`/schedules/${scheduleId}/feed-tokens`, admin);
    expect(created.path).toBe(`/ical/schedules/${created.token}.ics`);
    const res = await app.inject({ method: 'GET', url: created.path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const cal = parseCalendar(res.body);
    for (const line of cal.rawLines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(cal.rawLines.some((l) => l.startsWith(' '))).toBe(true);
    expect(cal.properties[0]).toEqual({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(cal.properties.at(-1)).toEqual({ name: 'END', value: 'VCALENDAR' });
    expect(cal.properties.find((p) => p.name === 'VERSION')?.value).toBe('2.0');
    expect(cal.properties.find((p) => p.name === 'X-WR-CALNAME')?.value).toBe(`On call: ${LONG_NAME.replace(/,/g, '\\,').replace(/;/g, '\\;')}`);

    const shifts = await listShifts({ ctx, scheduleId, input: { from: new Date(NOW - 30 * DAY).toISOString(), to: new Date(NOW + 90 * DAY).toISOString() } });
    expect(cal.events.map((e) => [e.DTSTART, e.DTEND, e.SUMMARY])).toEqual(shifts.map((s) => [stamp(s.start), stamp(s.end), `On call: ${s.userName}`]));
    for (const e of cal.events) {
      expect(e.DTSTART).toMatch(UTC_STAMP);
      expect(e.DTEND).toMatch(UTC_STAMP);
      expect(e.DTSTAMP).toBe('20260320T120000Z');
      expect(e.DESCRIPTION.split('\n')[0]).toBe(`Schedule: ${LONG_NAME}`);
    }
    expect(new Set(cal.events.map((e) => e.UID)).size).toBe(cal.events.length);
    // Ann's override splits Bob's week across the March change; his next handoff is 09:00 BST (08:00Z).
    expect(cal.events.filter((e) => e.DTSTART >= '20260323' && e.DTSTART < '20260331').map((e) => `${e.SUMMARY} ${e.DTSTART} ${e.DTEND}`)).toEqual([
      'On call: Bob 20260323T090000Z 20260329T000000Z',
      'On call: Ann 20260329T000000Z 20260329T120000Z',
      'On call: Bob 20260329T120000Z 20260330T080000Z',
      'On call: Ann 20260330T080000Z 20260406T080000Z',
    ]);
    expect(cal.events.find((e) => e.DTSTART === '20260329T000000Z')!.DESCRIPTION).toContain('an override');
  });

  it('requires a valid, unrevoked token of the right kind', async () => {
    const created = await feedToken(`/schedules/${scheduleId}/feed-tokens`, admin);
    expect((await app.inject({ method: 'GET', url: `/ical/schedules/${created.token.slice(0, -1)}x.ics` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/ical/schedules/not-a-token.ics' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/ical/schedules/${created.token}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/ical/users/${created.token}.ics` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: created.path })).statusCode).toBe(200);
    const listed = await app.inject({ method: 'GET', url: `/api/v1/schedules/${scheduleId}/feed-tokens`, headers: admin });
    expect(JSON.stringify(listed.json())).not.toContain(created.token);
    expect(listed.json().data.map((f: { prefix: string }) => f.prefix)).toContain(created.prefix);
    const revoked = await app.inject({ method: 'DELETE', url: `/api/v1/schedules/${scheduleId}/feed-tokens/${created.id}`, headers: admin });
    expect(revoked.json().revokedAt).toBe('2026-03-20T12:00:00.000Z');
    expect((await app.inject({ method: 'GET', url: created.path })).statusCode).toBe(404);
  });

  it('serves a person their own shifts across every schedule', async () => {
    const session = await loginAs(app, { email: people.bob.email, password: TEST_PASSWORD }, `ical-${dialect}`);
    const created = await feedToken('/users/me/feed-tokens', session.writeHeaders);
    expect(created.path).toMatch(/^\/ical\/users\/cal_/);
    const cal = parseCalendar((await app.inject({ method: 'GET', url: created.path })).body);
    expect(cal.events.length).toBeGreaterThan(0);
    expect(new Set(cal.events.map((e) => e.SUMMARY))).toEqual(new Set([`On call: ${LONG_NAME}`]));
    expect(cal.events.every((e) => e.DESCRIPTION.includes('On call: Bob'))).toBe(true);
    const annToken = await feedToken(`/users/me/feed-tokens`, (await loginAs(app, { email: people.ann.email, password: TEST_PASSWORD }, `ical-${dialect}`)).writeHeaders);
    const annCal = parseCalendar((await app.inject({ method: 'GET', url: annToken.path })).body);
    expect(new Set(annCal.events.map((e) => e.SUMMARY))).toEqual(new Set([`On call: ${LONG_NAME}`, 'On call: Database']));
    const byToken = await app.inject({ method: 'POST', url: '/api/v1/users/me/feed-tokens', headers: admin, payload: {} });
    expect(byToken.json().error.code).toBe('USER_REQUIRED');
  });
});
