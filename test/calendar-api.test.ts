import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createOrgWithOwner, createTokenFor } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('business calendar API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctxA: Ctx;
  let admin: { authorization: string };
  let responder: { authorization: string };
  let otherAdmin: { authorization: string };

  beforeAll(async () => {
    t = await createTestRuntime({ dialect });
    app = await buildApp(t.runtime, { runsJobs: false });
    ctxA = (await createOrgWithOwner(t.runtime, 'cal-a')).ctx;
    await createOrgWithOwner(t.runtime, 'cal-b', { email: 'owner@cal-a.example.com' });
    admin = (await createTokenFor(t.runtime, 'cal-a', 'admin')).headers;
    responder = (await createTokenFor(t.runtime, 'cal-a', 'responder')).headers;
    otherAdmin = (await createTokenFor(t.runtime, 'cal-b', 'admin')).headers;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const deadline = async (from: string, days: number, headers = admin) => (await call('GET', `/business-calendar/deadline?from=${from}&days=${days}`, undefined, headers)).json().dueAt;

  it('starts as UTC, Monday to Friday, and takes a time zone and work week', async () => {
    expect((await call('GET', '/business-calendar', undefined, responder)).json()).toEqual({ timeZone: 'UTC', workDays: ['mon', 'tue', 'wed', 'thu', 'fri'], updatedAt: null });
    const bad = await call('PATCH', '/business-calendar', { timeZone: 'Mars/Olympus', workDays: ['mon', 'mon'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path).toSorted()).toEqual(['timeZone', 'workDays']);
    expect((await call('PATCH', '/business-calendar', { timeZone: 'Europe/London' }, responder)).statusCode).toBe(403);
    const set = await call('PATCH', '/business-calendar', { timeZone: 'Europe/London' });
    expect(set.json()).toMatchObject({ timeZone: 'Europe/London', workDays: ['mon', 'tue', 'wed', 'thu', 'fri'] });
  });

  it('counts business days past weekends and configured holidays, in the organization zone', async () => {
    // Friday 27 March 2026 15:00 GMT; BST from the 29th.
    expect(await deadline('2026-03-27T15:00:00Z', 5)).toBe('2026-04-03T14:00:00.000Z');
    expect((await call('POST', '/business-calendar/holidays', { date: '2026-04-03', name: 'Good Friday' })).statusCode).toBe(201);
    expect((await call('POST', '/business-calendar/holidays', { date: '2026-04-06', name: 'Easter Monday' })).statusCode).toBe(201);
    expect(await deadline('2026-03-27T15:00:00Z', 5, responder)).toBe('2026-04-07T14:00:00.000Z');
    const again = await call('POST', '/business-calendar/holidays', { date: '2026-04-06', name: 'Twice' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('HOLIDAY_EXISTS');
    expect((await call('POST', '/business-calendar/holidays', { date: '2026-02-30', name: 'Nope' })).json().error.details.issues[0].path).toBe('date');
    // Another organization's calendar is its own.
    expect(await deadline('2026-03-27T15:00:00Z', 5, otherAdmin)).toBe('2026-04-03T15:00:00.000Z');
  });

  it('imports a country’s public holidays once and keeps what is there', async () => {
    const first = await call('POST', '/business-calendar/holidays/import', { country: 'gb', region: 'eng', years: [2026] });
    expect(first.statusCode).toBe(200);
    const added = first.json().added.map((h: { date: string }) => h.date);
    expect(added).toContain('2026-12-25');
    expect(added).toContain('2026-08-31');
    expect(first.json().skipped.map((h: { date: string }) => h.date)).toEqual(['2026-04-03', '2026-04-06']);
    expect(first.json().added[0]).toMatchObject({ source: 'import:GB-ENG' });
    const second = await call('POST', '/business-calendar/holidays/import', { country: 'GB', region: 'ENG', years: [2026] });
    expect(second.json().added).toEqual([]);
    const unknown = await call('POST', '/business-calendar/holidays/import', { country: 'XX', years: [2026] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toBe('country');
    const december = (await call('GET', '/business-calendar/holidays?from=2026-12-01&to=2026-12-31', undefined, responder)).json().data;
    expect(december.map((h: { date: string }) => h.date)).toEqual(['2026-12-25', '2026-12-26', '2026-12-28']);
    expect((await call('GET', '/business-calendar/holidays', undefined, otherAdmin)).json().data).toEqual([]);
  });

  it('deletes a holiday, audited, and answers 404 for a date it does not have', async () => {
    expect((await call('DELETE', '/business-calendar/holidays/2026-04-06', undefined, otherAdmin)).json().error.code).toBe('HOLIDAY_NOT_FOUND');
    expect((await call('DELETE', '/business-calendar/holidays/2026-04-06')).statusCode).toBe(204);
    const gone = await call('DELETE', '/business-calendar/holidays/2026-04-06');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('HOLIDAY_NOT_FOUND');
    const actions = (await listAuditEvents({ ctx: ctxA, input: { action: 'holiday.', limit: 50 } })).data.map((e) => e.action);
    expect(actions.toSorted()).toEqual(['holiday.create', 'holiday.create', 'holiday.delete', 'holiday.import', 'holiday.import']);
    expect((await listAuditEvents({ ctx: ctxA, input: { action: 'business_calendar.update', limit: 5 } })).data).toHaveLength(1);
  });
});
