import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { scheduleReviewSweep, SWEEP_LOOKBACK_MS } from '../src/modules/reviews/index.ts';
import { ManualClock, MINUTE } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { addMemberTo, createOrgWithOwner, createTokenFor, type TestUser } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { Receiver } from './notifications-helpers.ts';
import { decodeMail } from './notifications-mail.ts';

describeEachDialect('post-incident reviews', (dialect) => {
  const clock = new ManualClock('2026-03-27T14:00:00Z');
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctx: Ctx;
  let admin: { authorization: string };
  let responder: { authorization: string };
  let viewer: { authorization: string };
  let otherAdmin: { authorization: string };
  let ann: TestUser;
  let ownerId: string;
  let receiver: Receiver;
  let smtp: SmtpSink;
  let mails: SmtpSink['mails'];

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    const made = await createOrgWithOwner(t.runtime, 'rv-a');
    ctx = made.ctx;
    ownerId = made.owner.id;
    await createOrgWithOwner(t.runtime, 'rv-b', { email: 'owner@rv-a.example.com' });
    admin = (await createTokenFor(t.runtime, 'rv-a', 'admin')).headers;
    responder = (await createTokenFor(t.runtime, 'rv-a', 'responder')).headers;
    viewer = (await createTokenFor(t.runtime, 'rv-a', 'viewer')).headers;
    otherAdmin = (await createTokenFor(t.runtime, 'rv-b', 'admin')).headers;
    ann = await addMemberTo(t.runtime, 'rv-a', 'responder', 'ann@rv-a.example.com');
    receiver = await Receiver.start();
    smtp = await startSmtpSink();
    mails = smtp.mails;
    expect((await call('PATCH', '/business-calendar', { timeZone: 'Europe/London' })).statusCode).toBe(200);
    for (const [date, name] of [['2026-04-03', 'Good Friday'], ['2026-04-06', 'Easter Monday']]) expect((await call('POST', '/business-calendar/holidays', { date, name })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await receiver.close();
    await smtp.close();
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const sweep = async (full = false) => {
    await scheduleReviewSweep(t.runtime, clock.now(), clock.now(), { full });
    await t.runtime.runner.runOnce();
  };
  const resolvedIncident = async (severity: string, title: string) => {
    const made = await call('POST', '/incidents', { title, description: 'Card payments failed for EU customers', severity, assignees: [ann.id] }, responder);
    expect(made.statusCode).toBe(201);
    const id: string = made.json().id;
    expect((await call('POST', `/incidents/${id}/comments`, { body: 'Rolled back the deploy' }, responder)).statusCode).toBe(201);
    clock.advance(30 * MINUTE);
    expect((await call('POST', `/incidents/${id}/resolve`, {}, responder)).statusCode).toBe(200);
    return id;
  };
  const reviewOf = async (incidentId: string) => (await call('GET', `/reviews?incidentId=${incidentId}`, undefined, viewer)).json().data[0];

  it('opens a required review pre-filled from the incident, due five business days later past weekends and holidays', async () => {
    clock.set('2026-03-27T13:30:00Z');
    const incidentId = await resolvedIncident('P1', 'Payments down');
    expect(await reviewOf(incidentId)).toBeUndefined();
    await sweep();
    const review = await reviewOf(incidentId);
    // Resolved Friday 27 March 14:00 GMT; BST from the 29th; Good Friday and Easter Monday are holidays.
    expect(review).toMatchObject({ status: 'draft', required: true, severity: 'P1', overdue: false, incidentResolvedAt: '2026-03-27T14:00:00.000Z', dueAt: '2026-04-07T13:00:00.000Z' });
    expect(review.summary).toBe('Payments down\n\nCard payments failed for EU customers');
    expect(review.impact).toContain('P1 incident');
    expect(review.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['incident.created', 'comment', 'incident.resolved']));
    expect(review.timeline.find((e: { kind: string }) => e.kind === 'comment').text).toBe('Rolled back the deploy');
    await sweep();
    expect((await call('GET', `/reviews?incidentId=${incidentId}`)).json().data).toHaveLength(1);
  });

  it('finds a resolved incident the minute sweeps missed in the full sweep', async () => {
    const incidentId = await resolvedIncident('P0', 'Missed while down');
    clock.advance(SWEEP_LOOKBACK_MS + MINUTE);
    await sweep();
    expect(await reviewOf(incidentId)).toBeUndefined();
    await sweep(true);
    expect(await reviewOf(incidentId)).toMatchObject({ required: true, status: 'draft' });
  });

  it('keeps an incident that needs a review from closing until the review is filed', async () => {
    const incidentId = await resolvedIncident('P0', 'Login outage');
    const blocked = await call('POST', `/incidents/${incidentId}/close`, {}, responder);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('INCIDENT_REVIEW_REQUIRED');

    const opened = await call('POST', '/reviews', { incidentId }, responder);
    expect(opened.statusCode).toBe(201);
    const id: string = opened.json().id;
    expect((await call('POST', '/reviews', { incidentId }, responder)).statusCode).toBe(200);
    const incomplete = await call('POST', `/reviews/${id}/file`, undefined, responder);
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().error).toMatchObject({ code: 'REVIEW_INCOMPLETE', details: { issues: [{ path: 'contributingFactors' }] } });

    expect((await call('PATCH', `/reviews/${id}`, { contributingFactors: 'An expired signing key.' }, viewer)).statusCode).toBe(403);
    expect((await call('PATCH', `/reviews/${id}`, { contributingFactors: 'An expired signing key.' }, responder)).json().contributingFactors).toBe('An expired signing key.');
    const item = await call('POST', `/reviews/${id}/action-items`, { title: 'Alert on key expiry', ownerId: ann.id, dueDate: '2026-05-01', trackerUrl: 'https://tracker.example.com/SEC-12' }, responder);
    expect(item.statusCode).toBe(201);
    expect(item.json()).toMatchObject({ status: 'open', ownerId: ann.id, dueDate: '2026-05-01', trackerUrl: 'https://tracker.example.com/SEC-12' });
    const badItem = await call('POST', `/reviews/${id}/action-items`, { title: '', ownerId: 'nobody', trackerUrl: 'javascript:alert(1)', dueDate: '2026-02-30' }, responder);
    expect(badItem.statusCode).toBe(400);
    expect(badItem.json().error.details.issues.map((i: { path: string }) => i.path).toSorted()).toEqual(['dueDate', 'title', 'trackerUrl']);
    expect((await call('POST', `/reviews/${id}/action-items`, { title: 'x', ownerId: 'nobody' }, responder)).json().error.details.issues[0].path).toBe('ownerId');

    const filed = await call('POST', `/reviews/${id}/file`, undefined, responder);
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'filed', filedBy: expect.any(String) });
    expect((await call('GET', `/incidents/${incidentId}`)).json().reviewDoneAt).not.toBeNull();
    const closed = await call('POST', `/incidents/${incidentId}/close`, {}, responder);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');

    const late = await call('PATCH', `/reviews/${id}`, { summary: 'rewrite history' }, responder);
    expect(late.json().error.code).toBe('REVIEW_FILED');
    expect((await call('PATCH', `/reviews/${id}/action-items/${item.json().id}`, { status: 'done' }, responder)).json()).toMatchObject({ status: 'done', doneAt: expect.any(String) });
    expect((await call('DELETE', `/reviews/${id}/action-items/${item.json().id}`, undefined, responder)).json().error.code).toBe('REVIEW_FILED');
    const missing = await call('PATCH', `/reviews/${id}/action-items/no-such-item`, { status: 'done' }, responder);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('REVIEW_ACTION_ITEM_NOT_FOUND');
    const actions = (await listAuditEvents({ ctx, input: { subject: `review:${id}`, limit: 50 } })).data.map((e) => e.action);
    expect(actions.toSorted()).toEqual(['review.action_item.create', 'review.action_item.update', 'review.create', 'review.file', 'review.update']);
  });

  it('files a review only for a resolved incident and hides reviews from other organizations', async () => {
    const open = await call('POST', '/incidents', { title: 'Still burning', severity: 'P1' }, responder);
    const review = await call('POST', '/reviews', { incidentId: open.json().id }, responder);
    expect(review.json()).toMatchObject({ required: true, dueAt: null });
    await call('PATCH', `/reviews/${review.json().id}`, { impact: 'x', contributingFactors: 'y' }, responder);
    expect((await call('POST', `/reviews/${review.json().id}/file`, undefined, responder)).json().error.code).toBe('REVIEW_INCIDENT_OPEN');
    const scratch = (await call('POST', `/reviews/${review.json().id}/action-items`, { title: 'Scratch' }, responder)).json();
    expect((await call('DELETE', `/reviews/${review.json().id}/action-items/${scratch.id}`, undefined, responder)).statusCode).toBe(204);
    expect((await call('GET', `/reviews/${review.json().id}`)).json().actionItems).toEqual([]);
    clock.advance(MINUTE);
    await call('POST', `/incidents/${open.json().id}/resolve`, {}, responder);
    await sweep();
    expect((await call('GET', `/reviews/${review.json().id}`)).json().dueAt).not.toBeNull();

    expect((await call('GET', `/reviews/${review.json().id}`, undefined, otherAdmin)).json().error.code).toBe('REVIEW_NOT_FOUND');
    expect((await call('POST', '/reviews', { incidentId: open.json().id }, otherAdmin)).statusCode).toBe(404);
    expect((await call('GET', '/reviews', undefined, otherAdmin)).json().data).toEqual([]);
  });

  it('files once when two people file at the same moment', async () => {
    const incidentId = await resolvedIncident('P1', 'Queue backlog');
    const id: string = (await call('POST', '/reviews', { incidentId }, responder)).json().id;
    await call('PATCH', `/reviews/${id}`, { contributingFactors: 'A slow consumer.' }, responder);
    const both = await Promise.all([call('POST', `/reviews/${id}/file`, undefined, responder), call('POST', `/reviews/${id}/file`, undefined, admin)]);
    expect(both.map((r) => [r.statusCode, r.json().status])).toEqual([
      [200, 'filed'],
      [200, 'filed'],
    ]);
    expect((await listAuditEvents({ ctx, input: { action: 'review.file', subject: `review:${id}`, limit: 10 } })).data).toHaveLength(1);
    expect((await listAuditEvents({ ctx, input: { action: 'incident.review_done', subject: `incident:${incidentId}`, limit: 10 } })).data).toHaveLength(1);
  });

  it('reminds the assignees when a review is overdue, on the driven clock, and audits it', async () => {
    const channel = await call('POST', '/channels', { name: 'reviews hook', type: 'webhook', settings: { url: `${receiver.url}/hook`, secret: 'a signing secret for reviews' } });
    expect(channel.statusCode).toBe(201);
    const bad = await call('PATCH', '/review-settings', { dueBusinessDays: 0, reminderChannelIds: ['nope'], emailChannelId: channel.json().id });
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['dueBusinessDays']);
    const unknown = await call('PATCH', '/review-settings', { reminderChannelIds: ['nope'], emailChannelId: channel.json().id });
    expect(unknown.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['reminderChannelIds.0', 'emailChannelId']);
    expect((await call('PATCH', '/review-settings', { dueBusinessDays: 2, reminderChannelIds: [channel.json().id] }, responder)).statusCode).toBe(403);
    const mail = await call('POST', '/channels', { name: 'reviews mail', type: 'email', settings: { host: '127.0.0.1', port: smtp.port, from: 'custos@example.com', to: ['team@example.com'] } });
    expect(mail.statusCode).toBe(201);
    const settings = await call('PATCH', '/review-settings', { dueBusinessDays: 2, reminderChannelIds: [channel.json().id], emailChannelId: mail.json().id });
    expect(settings.json()).toMatchObject({ dueBusinessDays: 2, emailChannelId: mail.json().id });

    clock.set('2026-04-08T09:30:00Z');
    const incidentId = await resolvedIncident('P0', 'Database failover');
    await sweep();
    const review = await reviewOf(incidentId);
    expect(review.dueAt).toBe('2026-04-10T10:00:00.000Z');
    const reminders = async () => (await listAuditEvents({ ctx, input: { action: 'review.overdue_reminder', subject: `review:${review.id}`, limit: 10 } })).data;

    clock.set(Date.parse(review.dueAt) - MINUTE);
    await t.runtime.runner.runOnce();
    expect(await reminders()).toEqual([]);
    expect((await call('GET', '/reviews?status=overdue', undefined, viewer)).json().data.map((r: { id: string }) => r.id)).not.toContain(review.id);

    clock.set(Date.parse(review.dueAt));
    await t.runtime.runner.runOnce();
    const [first] = await reminders();
    expect(first.data).toMatchObject({ incidentId, reminder: 1, recipients: [ann.id], channels: [channel.json().id, mail.json().id] });
    const overdue = (await call('GET', '/reviews?status=overdue', undefined, viewer)).json().data;
    expect(overdue.find((r: { id: string }) => r.id === review.id)).toMatchObject({ overdue: true, reminderCount: 1 });

    await t.runtime.runner.runOnce();
    expect(receiver.requests.some((r) => r.body.includes('REVIEW OVERDUE') && r.body.includes('Database failover'))).toBe(true);
    const annMail = mails.find((m) => m.to.includes(ann.email));
    expect(annMail && decodeMail(annMail.raw).subject).toContain('REVIEW OVERDUE');
    expect(mails.some((m) => m.to.includes('team@example.com'))).toBe(false);

    // The next reminder is a business day later: Friday 10 April → Monday 13 April.
    clock.set('2026-04-13T10:00:00Z');
    await t.runtime.runner.runOnce();
    expect((await reminders()).map((e) => (e.data as { reminder: number }).reminder).toSorted()).toEqual([1, 2]);
  });

  it('reminds the owners when the incident has no assignees', async () => {
    clock.set('2026-04-20T09:00:00Z');
    const made = await call('POST', '/incidents', { title: 'Nobody assigned', severity: 'P1' }, responder);
    await call('POST', `/incidents/${made.json().id}/resolve`, {}, responder);
    await sweep();
    const review = await reviewOf(made.json().id);
    clock.set(review.dueAt);
    await t.runtime.runner.runOnce();
    const [event] = (await listAuditEvents({ ctx, input: { action: 'review.overdue_reminder', subject: `review:${review.id}`, limit: 5 } })).data;
    expect(event.data).toMatchObject({ reminder: 1, recipients: [ownerId] });
  });
});
