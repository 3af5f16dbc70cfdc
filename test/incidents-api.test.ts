import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { acknowledgeIncident, createIncident, type IncidentDeps } from '../src/modules/incidents/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { createOrgWithOwner, createTokenFor, addMemberTo } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const T0 = Date.parse('2027-01-30T10:00:00Z');

describeEachDialect('incidents API', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let deps: IncidentDeps;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false, web: false });
    deps = { secrets: () => t.runtime.secrets() };
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  async function org() {
    const slug = `inc-api-${dialect}-${++n}`;
    const made = await createOrgWithOwner(t.runtime, slug, { email: 'owner@incidents.example.com' });
    const responder = await createTokenFor(t.runtime, slug, 'responder');
    const admin = await createTokenFor(t.runtime, slug, 'admin');
    const viewer = await createTokenFor(t.runtime, slug, 'viewer');
    return { ...made, slug, responder, admin, viewer };
  }

  it('creates, lists, shows, acknowledges and resolves an incident with its SLA clocks and MTTA/MTTR', async () => {
    clock.set(T0);
    const { responder, viewer } = await org();
    const created = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder.headers, payload: { title: 'Checkout errors', severity: 'P1', labels: { service: 'shop' } } });
    expect(created.statusCode).toBe(201);
    const incident = created.json();
    expect(incident).toMatchObject({ title: 'Checkout errors', status: 'triggered', severity: 'P1', source: 'manual', reviewRequired: true, possibleBreach: false, breachClock: null });
    expect(incident.sla.response).toEqual({ dueAt: new Date(T0 + 3_600_000).toISOString(), metAt: null, breachedAt: null });
    expect(incident.sla.resolution.dueAt).toBe(new Date(T0 + 4 * 3_600_000).toISOString());

    const list = await app.inject({ method: 'GET', url: '/api/v1/incidents?open=true', headers: viewer.headers });
    expect(list.json().data.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/incidents?status=resolved', headers: viewer.headers })).json().data).toEqual([]);

    clock.set(T0 + 5 * 60_000);
    const acked = await app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/ack`, headers: responder.headers, payload: {} });
    expect(acked.json()).toMatchObject({ status: 'acknowledged', mttaSeconds: 300, acknowledgedBy: 'token responder token' });
    expect(acked.json().sla.response.metAt).toBe(new Date(T0 + 5 * 60_000).toISOString());

    clock.set(T0 + 65 * 60_000);
    const resolved = await app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/resolve`, headers: responder.headers, payload: { comment: 'rolled back' } });
    expect(resolved.json()).toMatchObject({ status: 'resolved', mttrSeconds: 3900 });
    const again = await app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/ack`, headers: responder.headers });
    expect(again.json().error.code).toBe("INCIDENT_NOT_OPEN");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INCIDENT_NOT_OPEN');

    const shown = await app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}`, headers: viewer.headers });
    expect(shown.json()).toMatchObject({ id: incident.id, alerts: [], statusPageIncidents: [] });
    expect(viewer && (await app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/ack`, headers: viewer.headers })).statusCode).toBe(403);
  });

  it('answers 404 for another organization’s incident and names bad fields', async () => {
    const a = await org();
    const b = await org();
    const made = await createIncident({ ctx: a.ctx, deps, input: { title: 'Ours' } });
    const foreign = await app.inject({ method: 'GET', url: `/api/v1/incidents/${made.id}`, headers: b.admin.headers });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('INCIDENT_NOT_FOUND');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: a.responder.headers, payload: { title: '', severity: 'P9' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['severity', 'title']);
    const stranger = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: a.responder.headers, payload: { title: 'x', assignees: ['nobody'] } });
    expect(stranger.json().error.details.issues).toEqual([{ path: 'assignees.0', message: 'not a member of this organization' }]);
  });

  it('settles two acknowledgements at once: one wins, both see the winner', async () => {
    const { ctx, slug } = await org();
    const ann = await addMemberTo(t.runtime, slug, 'responder', 'ann@incidents.example.com');
    const bob = await addMemberTo(t.runtime, slug, 'responder', 'bob@incidents.example.com');
    const made = await createIncident({ ctx, deps, input: { title: 'Race', severity: 'P2' } });
    const as = (u: { id: string; email: string }) => ({ ...ctx, role: 'responder' as const, actor: { type: 'user' as const, id: u.id, display: u.email } });
    const [x, y] = await Promise.all([acknowledgeIncident({ ctx: as(ann), id: made.id }), acknowledgeIncident({ ctx: as(bob), id: made.id })]);
    expect(x.acknowledgedBy).toBe(y.acknowledgedBy);
    expect(x.acknowledgedAt).toBe(y.acknowledgedAt);
    const audit = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { subject: `incident:${made.id}`, limit: 20 } });
    const acks = audit.data.filter((e) => e.action === 'incident.acknowledged');
    expect(acks).toHaveLength(1);
    expect(acks[0].actor.display).toBe(x.acknowledgedBy);
  });

  it('keeps a severity policy per organization, audited, with every problem named', async () => {
    const { admin, viewer, responder, ctx } = await org();
    const initial = await app.inject({ method: 'GET', url: '/api/v1/severity-policy', headers: viewer.headers });
    expect(initial.json()).toMatchObject({ version: 0, document: { tiers: { P0: { responseMinutes: 15, resolutionMinutes: 120 }, P3: { responseMinutes: 1440, resolutionMinutes: 20160 } }, reviewRequired: ['P0', 'P1'] } });
    const document = { ...initial.json().document, timeZone: 'Europe/London', labelRules: [{ name: 'money', matchers: ['domain=~"submission|auth|bank"'], severity: 'P0' }] };
    expect((await app.inject({ method: 'PUT', url: '/api/v1/severity-policy', headers: responder.headers, payload: document })).statusCode).toBe(403);
    const saved = await app.inject({ method: 'PUT', url: '/api/v1/incidents/severity-policy', headers: admin.headers, payload: document });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, updatedBy: 'token admin token' });
    const twice = await Promise.all([1, 2].map(() => app.inject({ method: 'PUT', url: '/api/v1/severity-policy', headers: admin.headers, payload: document })));
    expect(twice.map((r) => r.json().version).sort()).toEqual([2, 3]);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/severity-policy',
      headers: admin.headers,
      payload: { ...document, timeZone: 'Mars/Olympus', labelRules: [{ matchers: ['domain=~"("'], severity: 'P0' }], calendarRules: [{ name: 'x', dates: ['2027-02-30x'], from: ['P1'], to: 'P0' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['calendarRules.0.dates.0', 'labelRules.0.matchers.0', 'timeZone']);
    const audit = await listAuditEvents({ ctx: { ...ctx, role: 'auditor' }, input: { subject: `severity_policy:${ctx.orgId}`, limit: 5 } });
    expect(audit.data.map((e) => [e.action, (e.data as { version: number }).version])).toEqual([
      ['severity_policy.update', 3],
      ['severity_policy.update', 2],
      ['severity_policy.update', 1],
    ]);
  });
});
