import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { createApiToken } from '../src/modules/auth/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { Ctx, Role } from '../src/platform/context.ts';
import { loginAs, TEST_PASSWORD, type TestSession } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { makeChannel } from './notifications-helpers.ts';
import { oncallOrg, type OncallPerson } from './oncall-helpers.ts';

type Headers = Record<string, string>;
const issuePaths = (res: { json(): { error: { details: { issues: { path: string }[] } } } }) => res.json().error.details.issues.map((i) => i.path);

describeEachDialect('on-call API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctx: Ctx;
  let people: Record<string, OncallPerson>;
  const tokens = {} as Record<Role | 'other', Headers>;
  let annSession: TestSession;
  let slackId: string;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock: new ManualClock('2026-03-29T12:00:00Z') });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    ({ ctx, people } = await oncallOrg(t.runtime, `api-${dialect}`, ['ann', 'bob']));
    const other = await oncallOrg(t.runtime, `api-other-${dialect}`, []);
    for (const role of ['admin', 'responder', 'viewer'] as const) tokens[role] = { authorization: `Bearer ${(await createApiToken({ ctx, input: { name: role, role } })).token}` };
    tokens.other = { authorization: `Bearer ${(await createApiToken({ ctx: other.ctx, input: { name: 'admin', role: 'admin' } })).token}` };
    annSession = await loginAs(app, { email: people.ann.email, password: TEST_PASSWORD }, `api-${dialect}`);
    slackId = (await makeChannel(t.runtime, ctx, { name: 'slack', type: 'slack', settings: {} })).id;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const layer = (names: string[], extra: Record<string, unknown> = {}) => ({ name: 'Primary', participants: names.map((n) => people[n].id), rotation: 'daily', startDate: '2026-03-27', ...extra });

  it('creates a schedule, answers who is on call and the shifts, and audits the change', async () => {
    const created = await call('POST', '/schedules', tokens.admin, { name: 'Payments', timeZone: 'Europe/London', layers: [layer(['ann', 'bob'])] });
    expect(created.statusCode).toBe(201);
    const schedule = created.json();
    expect(schedule.layers[0]).toMatchObject({ handoffTime: '09:00', timeZone: 'Europe/London', shiftHours: 24, position: 1, restrictions: [] });
    expect((await call('POST', '/schedules', tokens.responder, { name: 'x', layers: [] })).statusCode).toBe(403);
    expect((await call('POST', '/schedules', tokens.admin, { name: 'Payments' })).json().error.code).toBe('SCHEDULE_NAME_TAKEN');

    const now = await call('GET', `/schedules/${schedule.id}/on-call`, tokens.viewer);
    expect(now.json()).toMatchObject({ at: '2026-03-29T12:00:00.000Z', user: { id: people.ann.id, email: people.ann.email, name: 'Ann' }, since: '2026-03-29T08:00:00.000Z', until: '2026-03-30T08:00:00.000Z' });
    const atHandoff = await call('GET', `/schedules/${schedule.id}/on-call?at=${encodeURIComponent('2026-03-30T09:00:00+01:00')}`, tokens.viewer);
    expect(atHandoff.json().user.id).toBe(people.bob.id);
    const shifts = await call('GET', `/schedules/${schedule.id}/shifts?from=2026-03-28T00:00:00Z&to=2026-03-30T00:00:00Z`, tokens.viewer);
    expect(shifts.json().data.map((s: { userName: string; start: string }) => `${s.userName} ${s.start}`)).toEqual(['Ann 2026-03-28T00:00:00.000Z', 'Bob 2026-03-28T09:00:00.000Z', 'Ann 2026-03-29T08:00:00.000Z']);
    expect(issuePaths(await call('GET', `/schedules/${schedule.id}/shifts?from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z`, tokens.viewer))).toEqual(['to']);
    expect((await call('GET', `/schedules/${schedule.id}/on-call`, tokens.other)).json().error.code).toBe('SCHEDULE_NOT_FOUND');

    const renamed = await call('PATCH', `/schedules/${schedule.id}`, tokens.admin, { name: 'Payments primary' });
    expect(renamed.json().name).toBe('Payments primary');
    const audit = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { subject: `schedule:${schedule.id}`, limit: 10 } });
    expect(audit.data.map((e) => e.action).sort()).toEqual(['schedule.create', 'schedule.update']);
  });

  it('names the field of every bad schedule, layer and override input', async () => {
    const bad = await call('POST', '/schedules', tokens.admin, { name: 'Bad', timeZone: 'Europe/Londres', layers: [layer(['ann'], { handoffTime: '9am', restrictions: [{ days: ['monday'], start: '09:00', end: '25:00' }] })] });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad).sort()).toEqual(['layers.0.handoffTime', 'layers.0.restrictions.0.days.0', 'layers.0.restrictions.0.end', 'timeZone']);
    const s = (await call('POST', '/schedules', tokens.admin, { name: 'Override target', layers: [layer(['ann'])] })).json();
    const inverted = await call('POST', `/schedules/${s.id}/overrides`, tokens.responder, { userId: people.bob.id, start: '2026-03-30T10:00:00Z', end: '2026-03-30T09:00:00Z' });
    expect(issuePaths(inverted)).toEqual(['end']);
    const stranger = await call('POST', `/schedules/${s.id}/overrides`, tokens.responder, { userId: 'not-a-member', start: '2026-03-30T09:00:00Z', end: '2026-03-30T10:00:00Z' });
    expect(issuePaths(stranger)).toEqual(['userId']);
    const ok = await call('POST', `/schedules/${s.id}/overrides`, tokens.responder, { userId: people.bob.id, start: '2026-03-30T09:00:00Z', end: '2026-03-30T10:00:00Z', note: 'swap' });
    expect(ok.statusCode).toBe(201);
    expect((await call('POST', `/schedules/${s.id}/overrides`, tokens.viewer, { userId: people.bob.id, start: '2026-03-30T09:00:00Z', end: '2026-03-30T10:00:00Z' })).statusCode).toBe(403);
    expect((await call('GET', `/schedules/${s.id}/overrides`, tokens.viewer)).json().data.map((o: { note: string }) => o.note)).toEqual(['swap']);
  });

  it('checks escalation policies as a whole and keeps a paged schedule from deletion', async () => {
    const s = (await call('POST', '/schedules', tokens.admin, { name: 'Secondary', layers: [layer(['bob'])] })).json();
    const wrong = await call('POST', '/escalation-policies', tokens.admin, {
      name: 'P0',
      steps: [
        { delayMinutes: 30, targets: [{ type: 'schedule', id: s.id }] },
        { delayMinutes: 0, targets: [{ type: 'user', id: 'nobody' }, { type: 'channel', id: 'no-channel' }] },
      ],
      repeat: 1,
      repeatAfterMinutes: 20,
    });
    expect(issuePaths(wrong)).toEqual(['steps.1.delayMinutes', 'repeatAfterMinutes', 'steps.1.targets.0.id', 'steps.1.targets.1.id']);
    const created = await call('POST', '/escalation-policies', tokens.admin, {
      name: 'P0',
      steps: [
        { delayMinutes: 0, targets: [{ type: 'schedule', id: s.id }] },
        { delayMinutes: 45, targets: [{ type: 'user', id: people.ann.id }, { type: 'channel', id: slackId }] },
      ],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ repeat: 0, repeatAfterMinutes: 75 });
    expect((await call('DELETE', `/schedules/${s.id}`, tokens.admin)).json().error.code).toBe('SCHEDULE_IN_USE');
    const patched = await call('PATCH', `/escalation-policies/${created.json().id}`, tokens.admin, { steps: [{ delayMinutes: 0, targets: [{ type: 'user', id: people.bob.id }] }], repeat: 2 });
    expect(patched.json()).toMatchObject({ repeat: 2, repeatAfterMinutes: 75 });
    expect((await call('DELETE', `/schedules/${s.id}`, tokens.admin)).statusCode).toBe(204);
    expect((await call('GET', '/escalation-policies', tokens.viewer)).json().data.map((p: { name: string }) => p.name)).toEqual(['P0']);
    expect((await call('PATCH', `/escalation-policies/${created.json().id}`, tokens.responder, { repeat: 1 })).statusCode).toBe(403);
  });

  it('lets each member edit their own contact methods and rules, and admins anyone’s', async () => {
    const mine = annSession.writeHeaders;
    const email = await call('POST', '/users/me/contact-methods', mine, { type: 'email', address: 'Ann.Pager@Example.com' });
    expect(email.json()).toMatchObject({ userId: people.ann.id, type: 'email', address: 'ann.pager@example.com' });
    expect(issuePaths(await call('POST', '/users/me/contact-methods', mine, { type: 'sms', address: '07700 900123' }))).toEqual(['address']);
    expect(issuePaths(await call('POST', '/users/me/contact-methods', mine, { type: 'chat' }))).toEqual(['channelId']);
    expect(issuePaths(await call('POST', '/users/me/contact-methods', mine, { type: 'sms', address: '+447700900123', channelId: slackId }))).toEqual(['channelId']);
    const chat = await call('POST', '/users/me/contact-methods', mine, { type: 'chat', channelId: slackId, label: 'Slack DM' });
    expect(chat.statusCode).toBe(201);
    const rule = await call('POST', '/users/me/notification-rules', mine, { contactMethodId: email.json().id, delayMinutes: 2, urgency: 'high' });
    expect(rule.json()).toMatchObject({ delayMinutes: 2, urgency: 'high', userId: people.ann.id });
    expect((await call('GET', '/users/me/contact-methods', { cookie: annSession.cookie })).json().data).toHaveLength(2);

    expect((await call('GET', '/users/me/contact-methods', tokens.admin)).json().error.code).toBe('USER_REQUIRED');
    expect((await call('DELETE', `/users/me/contact-methods/${chat.json().id}`, tokens.admin)).statusCode).toBe(404);
    expect((await call('GET', `/members/${people.ann.id}/contact-methods`, tokens.responder)).statusCode).toBe(403);
    const bobs = await call('POST', `/members/${people.bob.id}/contact-methods`, tokens.admin, { type: 'voice', address: '+15005550006' });
    expect(bobs.json()).toMatchObject({ userId: people.bob.id, type: 'voice' });
    expect((await call('POST', `/members/${people.bob.id}/notification-rules`, tokens.admin, { contactMethodId: email.json().id })).json().error.details.issues[0].path).toBe('contactMethodId');
    expect((await call('GET', `/members/${people.ann.id}/contact-methods`, tokens.other)).json().error.code).toBe('MEMBER_NOT_FOUND');

    expect((await call('DELETE', `/users/me/contact-methods/${email.json().id}`, mine)).statusCode).toBe(204);
    expect((await call('GET', '/users/me/notification-rules', mine)).json().data).toEqual([]);
    const audit = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { action: 'contact_method.', limit: 20 } });
    const created = audit.data.find((e) => e.action === 'contact_method.create' && e.subject.id === email.json().id)!;
    expect(created.actor).toMatchObject({ type: 'user', id: people.ann.id });
    expect(JSON.stringify(audit.data)).not.toContain('ann.pager@example.com');
    expect((created.data as { after: { address: string } }).after.address).toBe('a***@example.com');
  });
});
