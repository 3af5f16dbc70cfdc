import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { markReviewDone } from '../src/modules/incidents/index.ts';
import { createStatusPage, listLinkedPageIncidents } from '../src/modules/statuspages/index.ts';
import { HOUR, MINUTE, ManualClock } from '../src/platform/clock.ts';
import { addMemberTo, createOrgWithOwner, createTokenFor } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const T0 = Date.parse('2027-05-03T09:00:00Z');

describeEachDialect('incident workflow over the API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  async function org() {
    clock.set(T0);
    const slug = `inc-flow-${dialect}-${++n}`;
    const made = await createOrgWithOwner(t.runtime, slug, { email: 'owner@flow.example.com' });
    const admin = await createTokenFor(t.runtime, slug, 'admin');
    const responder = await createTokenFor(t.runtime, slug, 'responder');
    const ann = await addMemberTo(t.runtime, slug, 'responder', 'ann@flow.example.com');
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who = responder) => {
      const res = await app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
      return { status: res.statusCode, body: res.json() };
    };
    return { ...made, admin, responder, ann, call };
  }

  it('closes only a resolved incident, and one needing a review only once the review is done', async () => {
    const { call, ctx } = await org();
    const p1 = (await call('POST', '/incidents', { title: 'Payments slow', severity: 'P1' })).body;
    const early = await call('POST', `/incidents/${p1.id}/close`, {});
    expect([early.status, early.body.error.code]).toEqual([409, 'INCIDENT_NOT_RESOLVED']);
    await call('POST', `/incidents/${p1.id}/resolve`, {});
    const blocked = await call('POST', `/incidents/${p1.id}/close`, {});
    expect([blocked.status, blocked.body.error.code]).toEqual([409, 'INCIDENT_REVIEW_REQUIRED']);
    const reviewed = await markReviewDone(ctx, p1.id);
    expect(reviewed.reviewDoneAt).toBe(new Date(T0).toISOString());
    const closed = await call('POST', `/incidents/${p1.id}/close`, { comment: 'review filed' });
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'token responder token' });
    expect((await call('POST', `/incidents/${p1.id}/resolve`, {})).body.error.code).toBe('INCIDENT_CLOSED');
    expect((await call('POST', `/incidents/${p1.id}/severity`, { severity: 'P0' })).body.error.code).toBe('INCIDENT_CLOSED');

    const p3 = (await call('POST', '/incidents', { title: 'Typo on status page', severity: 'P3' })).body;
    expect(p3.reviewRequired).toBe(false);
    await call('POST', `/incidents/${p3.id}/resolve`, {});
    expect((await call('POST', `/incidents/${p3.id}/close`, {})).body.status).toBe('closed');
    const audit = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { subject: `incident:${p1.id}`, limit: 20 } });
    expect(audit.data.map((e) => e.action).toReversed()).toEqual(['incident.created', 'incident.resolved', 'incident.review_done', 'incident.closed']);
  });

  it('changes severity, assignees, takes comments and runbook opens, all on one timeline with their actors', async () => {
    const { call, ann, ctx } = await org();
    const incident = (await call('POST', '/incidents', { title: 'Login errors', severity: 'P3' })).body;
    clock.set(T0 + 5 * MINUTE);
    const raised = await call('POST', `/incidents/${incident.id}/severity`, { severity: 'P1', reason: 'all logins failing' });
    expect(raised.body).toMatchObject({ severity: 'P1', reviewRequired: true, severityReason: { source: 'changed', previous: 'P3', reason: 'all logins failing' } });
    expect(raised.body.sla.response.dueAt).toBe(new Date(T0 + HOUR).toISOString());
    const assigned = await call('PUT', `/incidents/${incident.id}/assignees`, { assignees: [ann.id] });
    expect(assigned.body.assignees).toEqual([ann.id]);
    expect((await call('PUT', `/incidents/${incident.id}/assignees`, { assignees: ['stranger'] })).body.error.details.issues[0].path).toBe('assignees.0');
    const comment = await call('POST', `/incidents/${incident.id}/comments`, { body: 'Rolling back the auth deploy' });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ kind: 'comment', detail: { body: 'Rolling back the auth deploy' }, actor: { type: 'apiToken' } });
    expect((await call('POST', `/incidents/${incident.id}/comments`, { body: '' })).status).toBe(400);
    const opened = await call('POST', `/incidents/${incident.id}/runbook-opened`, { runbookId: 'rb-auth', url: 'https://runbooks.example.com/auth' });
    expect(opened.body).toMatchObject({ kind: 'runbook.opened', detail: { runbookId: 'rb-auth' } });
    expect((await call('POST', `/incidents/${incident.id}/runbook-opened`, {})).body.error.details.issues[0].path).toBe('runbookId');
    clock.set(T0 + 10 * MINUTE);
    await call('POST', `/incidents/${incident.id}/ack`, { comment: 'on it' });
    const timeline = await call('GET', `/incidents/${incident.id}/timeline`);
    expect(timeline.body.data.map((e: { kind: string }) => e.kind)).toEqual(['incident.created', 'severity.changed', 'assignees.changed', 'comment', 'runbook.opened', 'incident.acknowledged']);
    const audit = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { subject: `incident:${incident.id}`, limit: 20 } });
    expect(audit.data.map((e) => e.action)).toContain('incident.severity_changed');
  });

  it('links a public status-page notice, posts updates to it, and resolves it with the incident', async () => {
    const { call, admin, ctx } = await org();
    const page = await createStatusPage({ ctx, input: { slug: `flow-${dialect}-${n}`, title: 'Status', brandColor: '#000000', accentColor: '#0969da', published: true, showUptime: true } });
    const incident = (await call('POST', '/incidents', { title: 'API latency', severity: 'P2' })).body;
    expect((await call('POST', `/incidents/${incident.id}/status-page`, { pageId: page.id, message: 'Investigating' })).status).toBe(403);
    const notice = await call('POST', `/incidents/${incident.id}/status-page`, { pageId: page.id, message: 'We are investigating slow responses', impact: 'major' }, admin);
    expect(notice.status).toBe(201);
    expect(notice.body).toMatchObject({ incidentId: incident.id, title: 'API latency', impact: 'major', status: 'investigating' });
    const posted = await call('POST', `/incidents/${incident.id}/status-page/updates`, { status: 'identified', message: 'A bad cache node' }, admin);
    expect(posted.body).toEqual({ updated: 1 });
    await call('POST', `/incidents/${incident.id}/resolve`, {});
    const [linked] = await listLinkedPageIncidents({ ctx, incidentId: incident.id });
    expect(linked.status).toBe('resolved');
    expect(linked.updates.map((u) => u.status)).toEqual(['resolved', 'identified', 'investigating']);
    const shown = await call('GET', `/incidents/${incident.id}`);
    expect(shown.body.statusPageIncidents).toEqual([{ id: notice.body.id, pageId: page.id, title: 'API latency', status: 'resolved', impact: 'major' }]);
    const kinds = (await call('GET', `/incidents/${incident.id}/timeline`)).body.data.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === 'status_page.update')).toHaveLength(3);
  });

  it('flags a possible breach over the API and records the regulator notification', async () => {
    const { call } = await org();
    const incident = (await call('POST', '/incidents', { title: 'Report emailed to the wrong customer' })).body;
    expect(incident.severity).toBe('P2');
    const flagged = await call('POST', `/incidents/${incident.id}/breach`, { possibleBreach: true });
    expect(flagged.body.breachClock).toMatchObject({ startedAt: new Date(T0).toISOString(), dueAt: new Date(T0 + 72 * HOUR).toISOString(), reminders: [] });
    clock.set(T0 + 20 * HOUR);
    const notified = await call('POST', `/incidents/${incident.id}/breach/regulator-notified`, { reference: 'ICO-7' });
    expect(notified.body.breachClock.notifiedAt).toBe(new Date(T0 + 20 * HOUR).toISOString());
    const other = (await call('POST', '/incidents', { title: 'x' })).body;
    expect((await call('POST', `/incidents/${other.id}/breach/regulator-notified`, {})).body.error.code).toBe('INCIDENT_BREACH_NOT_FLAGGED');
  });

  it('reports MTTA, MTTR and the share of targets met by severity', async () => {
    const { call } = await org();
    const a = (await call('POST', '/incidents', { title: 'a', severity: 'P1' })).body;
    const b = (await call('POST', '/incidents', { title: 'b', severity: 'P1' })).body;
    await call('POST', '/incidents', { title: 'c', severity: 'P3' });
    clock.set(T0 + 30 * MINUTE);
    await call('POST', `/incidents/${a.id}/ack`, {});
    clock.set(T0 + 90 * MINUTE);
    await call('POST', `/incidents/${b.id}/ack`, {});
    await call('POST', `/incidents/${a.id}/resolve`, {});
    clock.set(T0 + 5 * HOUR);
    await call('POST', `/incidents/${b.id}/resolve`, {});
    const stats = await call('GET', `/incidents/stats?from=${new Date(T0 - HOUR).toISOString()}&to=${new Date(T0 + HOUR).toISOString()}`);
    expect(stats.body.total).toBe(3);
    expect(stats.body.bySeverity.find((s: { severity: string }) => s.severity === 'P1')).toEqual({
      severity: 'P1',
      count: 2,
      acknowledged: 2,
      resolved: 2,
      mttaSeconds: 60 * 60,
      mttrSeconds: (90 * 60 + 5 * 3600) / 2,
      responseMetShare: 0.5,
      resolutionMetShare: 0.5,
    });
    expect(stats.body.bySeverity.find((s: { severity: string }) => s.severity === 'P3')).toMatchObject({ count: 1, mttaSeconds: null, responseMetShare: null });
    expect((await call('GET', '/incidents/stats?from=2027-05-03T10:00:00Z&to=2027-05-03T09:00:00Z')).body.error.details.issues[0].path).toBe('to');
  });
});
