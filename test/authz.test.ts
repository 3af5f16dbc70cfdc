import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { createSilence, raiseAlert } from '../src/modules/alerts/index.ts';
import { addMember, createAdmin, createApiToken, servicesOf } from '../src/modules/auth/index.ts';
import { createIncident } from '../src/modules/incidents/index.ts';
import { createDefaultIntegrationRegistry, createIntegration } from '../src/modules/integrations/index.ts';
import { createDefaultProbeRegistry, createMaintenanceWindow, createMonitor } from '../src/modules/monitors/index.ts';
import { createChannel, createDefaultChannelRegistry } from '../src/modules/notifications/index.ts';
import {
  createAlertRule,
  createProject,
  DEFAULT_INGEST_LIMITS,
  digestAll,
  digestDepsOf,
  IngestService,
  listIssueEvents,
  listIssues,
  listKeys,
} from '../src/modules/errortracking/index.ts';
import { addHoliday } from '../src/modules/calendar/index.ts';
import { addActionItem, openReview } from '../src/modules/reviews/index.ts';
import { createRunbook } from '../src/modules/runbooks/index.ts';
import { createWitness } from '../src/modules/evidence/index.ts';
import { createComponent, createMaintenance, createPageIncident, createStatusPage } from '../src/modules/statuspages/index.ts';
import { createContactMethod, createEscalationPolicy, createFeedToken, createNotificationRule, createOverride, createSchedule } from '../src/modules/oncall/index.ts';
import { cliActor, ROLES, roleCan, serviceCtx, type Ctx, type Permission, type Role } from '../src/platform/context.ts';
import { SecretBox } from '../src/platform/crypto/index.ts';
import type { Db } from '../src/platform/db/index.ts';
import type { CustosModule } from '../src/platform/module.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

/**
 * Walks every registered /api/v1 route with each role and with another organization's token.
 * A route with path parameters needs a fixture below that creates the object in org A; a route
 * added without one (or without a policy) fails this test.
 */
/** Creates the object a route's path names, in org A; `body` is a valid body for writes. */
type Fixture = (a: Ctx) => Promise<{ params: Record<string, string>; body?: Record<string, unknown> }>;

let n = 0;
const probes = createDefaultProbeRegistry();
const monitor = async (a: Ctx) =>
  (await createMonitor({ ctx: a, probes, input: { name: `m${++n}`, type: 'tcp', settings: { host: '127.0.0.1', port: 9 }, labels: {}, interval: 60, confirmDown: 2, confirmUp: 1, paused: false } })).id;
// A webhook channel without credentials holds no secret, so the fixture needs no real key.
const channelDeps = { registry: createDefaultChannelRegistry(), secrets: () => new SecretBox({ current: Buffer.alloc(32, 7) }) };
const channel = async (a: Ctx) => (await createChannel({ ctx: a, deps: channelDeps, input: { name: `c${++n}`, type: 'webhook', settings: {}, labels: {}, enabled: true } })).id;
const statusPage = async (a: Ctx) =>
  (await createStatusPage({ ctx: a, input: { slug: `authz-${++n}`, title: 'Status', brandColor: '#000000', accentColor: '#0969da', published: true, showUptime: true } })).id;
const pageIncident = async (a: Ctx) => {
  const id = await statusPage(a);
  const incident = await createPageIncident({ ctx: a, pageId: id, input: { title: 'Slow', message: 'Looking', impact: 'minor', status: 'investigating', componentIds: [] } });
  return { id, incidentId: incident.id };
};
const maintenanceBody = { title: 'Upgrade', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T01:00:00Z' };
const alert = async (a: Ctx) => (await raiseAlert({ ctx: a, input: { dedupKey: `authz-${++n}`, labels: { alertname: 'Authz' } } })).alert!.id;
// An Alertmanager integration without credentials holds no secret either.
const integrationDeps = { registry: createDefaultIntegrationRegistry(), secrets: () => new SecretBox({ current: Buffer.alloc(32, 7) }) };
const integration = async (a: Ctx) => (await createIntegration({ ctx: a, deps: integrationDeps, baseUrl: 'http://localhost', input: { name: `i${++n}`, type: 'alertmanager' } })).id;
const silence = async (a: Ctx) => (await createSilence({ ctx: a, input: { matchers: [`authz="${++n}"`], duration: '1h', comment: 'authz' } })).id;
const incident = async (a: Ctx, possibleBreach = false) => (await createIncident({ ctx: a, deps: { secrets: channelDeps.secrets }, input: { title: `authz ${++n}`, severity: 'P3', possibleBreach } })).id;
const INCIDENT_FIXTURES: Record<string, Fixture> = {
  '/api/v1/incidents/:id': async (a) => ({ params: { id: await incident(a) } }),
  '/api/v1/incidents/:id/ack': async (a) => ({ params: { id: await incident(a) } }),
  '/api/v1/incidents/:id/resolve': async (a) => ({ params: { id: await incident(a) } }),
  '/api/v1/incidents/:id/close': async (a) => ({ params: { id: await incident(a) } }),
  '/api/v1/incidents/:id/severity': async (a) => ({ params: { id: await incident(a) }, body: { severity: 'P2' } }),
  '/api/v1/incidents/:id/assignees': async (a) => ({ params: { id: await incident(a) }, body: { assignees: [] } }),
  '/api/v1/incidents/:id/comments': async (a) => ({ params: { id: await incident(a) }, body: { body: 'Looking' } }),
  '/api/v1/incidents/:id/timeline': async (a) => ({ params: { id: await incident(a) } }),
  '/api/v1/incidents/:id/breach': async (a) => ({ params: { id: await incident(a) }, body: { possibleBreach: true } }),
  '/api/v1/incidents/:id/breach/regulator-notified': async (a) => ({ params: { id: await incident(a, true) }, body: { reference: 'ICO-1' } }),
  '/api/v1/incidents/:id/runbook-opened': async (a) => ({ params: { id: await incident(a) }, body: { url: 'https://runbooks.example.com/db' } }),
  '/api/v1/incidents/:id/status-page': async (a) => ({ params: { id: await incident(a) }, body: { pageId: await statusPage(a), message: 'Looking' } }),
  '/api/v1/incidents/:id/status-page/updates': async (a) => ({ params: { id: await incident(a) }, body: { status: 'monitoring', message: 'Better' } }),
  '/api/v1/incidents/:id/links': async (a) => ({ params: { id: await incident(a) }, body: { action: 'ack' } }),
};
// One member of org A pages, rotates and owns contact methods in every on-call fixture.
let oncallMember: string | undefined;
const person = async (a: Ctx) => (oncallMember ??= (await addMember({ ctx: a, input: { email: 'oncall-fixture@example.com', role: 'responder', password: 'long enough password' } })).userId);
const noChannels = { list: async () => [] };
const layerBody = async (a: Ctx) => ({ name: 'Primary', participants: [await person(a)], rotation: 'daily', handoffTime: '09:00', startDate: '2026-03-02', restrictions: [] });
const schedule = async (a: Ctx) => (await createSchedule({ ctx: a, input: { name: `sched-${++n}`, timeZone: 'Europe/London', layers: [(await layerBody(a)) as never] } })).id;
const policy = async (a: Ctx) => (await createEscalationPolicy({ ctx: a, channels: noChannels, input: { name: `ep-${++n}`, repeat: 0, steps: [{ delayMinutes: 0, targets: [{ type: 'user', id: await person(a) }] }] } })).id;
const contactMethod = async (a: Ctx) => {
  const userId = await person(a);
  return { userId, id: (await createContactMethod({ ctx: a, userId, channels: noChannels, input: { type: 'email', address: 'oncall-fixture@example.com' } })).id };
};
const notificationRule = async (a: Ctx) => {
  const method = await contactMethod(a);
  return { userId: method.userId, id: (await createNotificationRule({ ctx: a, userId: method.userId, input: { contactMethodId: method.id, delayMinutes: 0, urgency: 'any' } })).id };
};
const ONCALL_FIXTURES: Record<string, Fixture> = {
  '/api/v1/schedules/:id': async (a) => ({ params: { id: await schedule(a) }, body: { name: `renamed-${++n}` } }),
  '/api/v1/schedules/:id/layers': async (a) => ({ params: { id: await schedule(a) }, body: await layerBody(a) }),
  '/api/v1/schedules/:id/layers/:layerId': async (a) => {
    const made = await createSchedule({ ctx: a, input: { name: `sched-${++n}`, timeZone: 'UTC', layers: [(await layerBody(a)) as never] } });
    return { params: { id: made.id, layerId: made.layers[0].id }, body: { name: 'Renamed' } };
  },
  '/api/v1/schedules/:id/overrides': async (a) => ({ params: { id: await schedule(a) }, body: { userId: await person(a), start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z' } }),
  '/api/v1/schedules/:id/overrides/:overrideId': async (a) => {
    const id = await schedule(a);
    const o = await createOverride({ ctx: a, scheduleId: id, input: { userId: await person(a), start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z' } });
    return { params: { id, overrideId: o.id } };
  },
  '/api/v1/schedules/:id/on-call': async (a) => ({ params: { id: await schedule(a) } }),
  '/api/v1/schedules/:id/shifts': async (a) => ({ params: { id: await schedule(a) } }),
  '/api/v1/schedules/:id/feed-tokens': async (a) => ({ params: { id: await schedule(a) } }),
  '/api/v1/schedules/:id/feed-tokens/:tokenId': async (a) => {
    const id = await schedule(a);
    return { params: { id, tokenId: (await createFeedToken({ ctx: a, kind: 'schedule', targetId: id })).id } };
  },
  '/api/v1/escalation-policies/:id': async (a) => ({ params: { id: await policy(a) }, body: { name: `renamed-${++n}` } }),
  '/api/v1/users/me/contact-methods/:id': async (a) => ({ params: { id: (await contactMethod(a)).id }, body: { label: 'work' } }),
  '/api/v1/users/me/notification-rules/:id': async (a) => ({ params: { id: (await notificationRule(a)).id }, body: { delayMinutes: 3 } }),
  '/api/v1/users/me/feed-tokens/:tokenId': async (a) => ({ params: { tokenId: (await createFeedToken({ ctx: a, kind: 'user', targetId: await person(a) })).id } }),
  '/api/v1/members/:userId/contact-methods': async (a) => ({ params: { userId: await person(a) }, body: { type: 'email', address: 'oncall-fixture@example.com' } }),
  '/api/v1/members/:userId/contact-methods/:id': async (a) => ({ params: await contactMethod(a), body: { label: 'work' } }),
  '/api/v1/members/:userId/notification-rules': async (a) => {
    const method = await contactMethod(a);
    return { params: { userId: method.userId }, body: { contactMethodId: method.id, delayMinutes: 2 } };
  },
  '/api/v1/members/:userId/notification-rules/:id': async (a) => ({ params: await notificationRule(a), body: { delayMinutes: 3 } }),
};
const errorProject = async (a: Ctx) => createProject({ ctx: a, input: { name: `p${++n}` }, deps: { baseUrl: 'http://custos.test', secrets: channelDeps.secrets } });
const errorKey = async (a: Ctx) => {
  const project = await errorProject(a);
  return { id: project.id, keyId: (await listKeys({ ctx: a, projectId: project.id, deps: { baseUrl: 'http://custos.test' } })).data[0].id };
};
/** An issue with one event, through the real ingest and digest. */
const errorIssue = async (a: Ctx) => {
  const project = await errorProject(a);
  const services = { ...a, db: a.db as Db };
  const ingest = new IngestService({ ...services, limits: DEFAULT_INGEST_LIMITS });
  const body = Buffer.from(JSON.stringify({ message: `authz ${++n}`, level: 'error' }));
  await ingest.ingest({ kind: 'store', projectNumber: String(project.number), body, contentEncoding: undefined, authHeader: undefined, queryKey: new URL(project.dsn!).username });
  await digestAll(digestDepsOf(services));
  const issue = (await listIssues({ ctx: a, input: { projectId: project.id, sort: 'lastSeen', limit: 1 } })).data[0];
  const event = (await listIssueEvents({ ctx: a, issueId: issue.id, input: { limit: 1 } })).data[0];
  return { id: issue.id, eventId: event.eventId };
};
const errorRule = async (a: Ctx) => {
  const project = await errorProject(a);
  const rule = await createAlertRule({ ctx: a, projectId: project.id, input: { name: 'New issues', kind: 'new_issue', settings: {} } });
  return { id: project.id, ruleId: rule.id };
};
const sourcemapBody = { release: 'app@1', files: [{ name: '~/app.js.map', content: Buffer.from(JSON.stringify({ version: 3, sources: ['a.js'], names: [], mappings: 'AAAA' })).toString('base64') }] };
const ERROR_FIXTURES: Record<string, Fixture> = {
  '/api/v1/projects/:id': async (a) => ({ params: { id: (await errorProject(a)).id }, body: { name: 'Renamed' } }),
  '/api/v1/projects/:id/keys': async (a) => ({ params: { id: (await errorProject(a)).id }, body: { label: 'CI' } }),
  '/api/v1/projects/:id/keys/:keyId': async (a) => {
    const k = await errorKey(a);
    return { params: { id: k.id, keyId: k.keyId }, body: { rateLimitPerMinute: 100 } };
  },
  '/api/v1/projects/:id/keys/:keyId/rotate': async (a) => {
    const k = await errorKey(a);
    return { params: { id: k.id, keyId: k.keyId }, body: { graceSeconds: 60 } };
  },
  '/api/v1/projects/:id/keys/:keyId/revoke': async (a) => {
    const k = await errorKey(a);
    return { params: { id: k.id, keyId: k.keyId } };
  },
  '/api/v1/projects/:id/outcomes': async (a) => ({ params: { id: (await errorProject(a)).id } }),
  '/api/v1/projects/:id/scrub-report': async (a) => ({ params: { id: (await errorProject(a)).id } }),
  '/api/v1/projects/:id/releases': async (a) => ({ params: { id: (await errorProject(a)).id }, body: { version: 'app@1.0.0' } }),
  '/api/v1/projects/:id/sourcemaps': async (a) => ({ params: { id: (await errorProject(a)).id }, body: sourcemapBody }),
  '/api/v1/projects/:id/alert-rules': async (a) => ({ params: { id: (await errorProject(a)).id }, body: { name: 'Regressions', kind: 'regression', settings: {} } }),
  '/api/v1/projects/:id/alert-rules/:ruleId': async (a) => ({ params: await errorRule(a), body: { enabled: false } }),
  '/api/v1/issues/:id': async (a) => ({ params: { id: (await errorIssue(a)).id }, body: { status: 'resolved' } }),
  '/api/v1/issues/:id/events': async (a) => ({ params: { id: (await errorIssue(a)).id } }),
  '/api/v1/issues/:id/events/:eventId': async (a) => ({ params: await errorIssue(a) }),
};
const runbook = async (a: Ctx) => (await createRunbook({ ctx: a, input: { slug: `rb-${++n}`, title: 'Runbook', match: { service: 'authz' }, body: '# Steps' } })).id;
const RUNBOOK_FIXTURES: Record<string, Fixture> = {
  '/api/v1/runbooks/:id': async (a) => ({ params: { id: await runbook(a) }, body: { title: 'Renamed' } }),
  '/api/v1/runbooks/:id/versions': async (a) => ({ params: { id: await runbook(a) } }),
  '/api/v1/runbooks/:id/versions/:version': async (a) => ({ params: { id: await runbook(a), version: '1' } }),
  '/api/v1/business-calendar/holidays/:date': async (a) => ({ params: { date: (await addHoliday({ ctx: a, input: { date: new Date(Date.UTC(2030, 0, ++n)).toISOString().slice(0, 10), name: 'Holiday' } })).date } }),
  '/api/v1/runbooks/:id/versions/:version/restore': async (a) => ({ params: { id: await runbook(a), version: '1' } }),
};
const review = async (a: Ctx) => (await openReview({ ctx: a, input: { incidentId: await incident(a) } })).review.id;
const REVIEW_FIXTURES: Record<string, Fixture> = {
  '/api/v1/reviews/:id': async (a) => ({ params: { id: await review(a) }, body: { summary: 'Edited' } }),
  '/api/v1/reviews/:id/file': async (a) => ({ params: { id: await review(a) } }),
  '/api/v1/reviews/:id/action-items': async (a) => ({ params: { id: await review(a) }, body: { title: 'Fix it' } }),
  '/api/v1/reviews/:id/action-items/:itemId': async (a) => {
    const id = await review(a);
    return { params: { id, itemId: (await addActionItem({ ctx: a, reviewId: id, input: { title: 'Fix it', status: 'open' } })).id }, body: { status: 'done' } };
  },
};
const FIXTURES: Record<string, Fixture> = {
  ...REVIEW_FIXTURES,
  ...RUNBOOK_FIXTURES,
  ...ONCALL_FIXTURES,
  ...ERROR_FIXTURES,
  '/api/v1/alerts/:id': async (a) => ({ params: { id: await alert(a) } }),
  '/api/v1/alerts/:id/ack': async (a) => ({ params: { id: await alert(a) } }),
  '/api/v1/alerts/:id/resolve': async (a) => ({ params: { id: await alert(a) }, body: { comment: 'done' } }),
  '/api/v1/silences/:id': async (a) => ({ params: { id: await silence(a) } }),
  '/api/v1/silences/:id/expire': async (a) => ({ params: { id: await silence(a) } }),
  '/api/v1/channels/:id': async (a) => ({ params: { id: await channel(a) }, body: { name: 'renamed' } }),
  '/api/v1/channels/:id/test': async (a) => ({ params: { id: await channel(a) } }),
  '/api/v1/channels/:id/receipts': async (a) => ({ params: { id: await channel(a) } }),
  '/api/v1/integrations/:id': async (a) => ({ params: { id: await integration(a) }, body: { name: 'renamed' } }),
  '/api/v1/integrations/:id/rotate-token': async (a) => ({ params: { id: await integration(a) } }),
  '/api/v1/integrations/:id/deliveries': async (a) => ({ params: { id: await integration(a) } }),
  '/api/v1/members/:userId': async (a) => {
    const m = await addMember({ ctx: a, input: { email: `m${++n}@example.com`, role: 'viewer', password: 'long enough password' } });
    return { params: { userId: m.userId }, body: { role: 'responder' } };
  },
  '/api/v1/heartbeats/:monitorId': async (a) => ({
    params: { monitorId: (await createMonitor({ ctx: a, probes, input: { name: `hb${++n}`, type: 'heartbeat', settings: { period: 3600 }, labels: {}, interval: 60, confirmDown: 1, confirmUp: 1, paused: false } })).id },
  }),
  '/api/v1/monitors/:id': async (a) => ({ params: { id: await monitor(a) }, body: { name: 'renamed' } }),
  '/api/v1/monitors/:id/pause': async (a) => ({ params: { id: await monitor(a) } }),
  '/api/v1/monitors/:id/resume': async (a) => ({ params: { id: await monitor(a) } }),
  '/api/v1/maintenance/:id': async (a) => {
    const schedule = { kind: 'weekly' as const, days: ['sun' as const], time: '02:00', timezone: 'UTC', durationMinutes: 60 };
    const w = await createMaintenanceWindow({ ctx: a, input: { name: `w${++n}`, selector: { labels: { env: 'test' } }, schedule, active: true } });
    return { params: { id: w.id }, body: { name: 'renamed' } };
  },
  '/api/v1/monitors/:id/results': async (a) => ({ params: { id: await monitor(a) } }),
  '/api/v1/monitors/:id/flips': async (a) => ({ params: { id: await monitor(a) } }),
  '/api/v1/monitors/:id/gaps': async (a) => ({ params: { id: await monitor(a) } }),
  '/api/v1/monitors/:id/certificates': async (a) => ({ params: { id: await monitor(a) } }),
  '/api/v1/monitors/:id/uptime': async (a) => ({ params: { id: await monitor(a) } }),
  '/api/v1/monitors/:id/latency': async (a) => ({ params: { id: await monitor(a) } }),
  '/api/v1/evidence/witnesses/:id': async (a) => ({ params: { id: (await createWitness({ ctx: a, secrets: channelDeps.secrets, input: { name: 'w', type: 'directory', settings: { path: '/nonexistent' } } })).id } }),
  '/api/v1/status-pages/:id': async (a) => ({ params: { id: await statusPage(a) }, body: { title: 'Renamed' } }),
  '/api/v1/status-pages/:id/components': async (a) => ({ params: { id: await statusPage(a) }, body: { name: 'API' } }),
  '/api/v1/status-pages/:id/components/:componentId': async (a) => {
    const id = await statusPage(a);
    const component = await createComponent({ ctx: a, pageId: id, input: { name: 'API', monitorIds: [] }, facts: { states: async () => new Map(), dailyUptime: async () => new Map() } });
    return { params: { id, componentId: component.id }, body: { name: 'Renamed' } };
  },
  '/api/v1/status-pages/:id/incidents': async (a) => ({ params: { id: await statusPage(a) }, body: { title: 'Slow', message: 'Looking' } }),
  '/api/v1/status-pages/:id/incidents/:incidentId': async (a) => ({ params: await pageIncident(a), body: { title: 'Renamed' } }),
  '/api/v1/status-pages/:id/incidents/:incidentId/updates': async (a) => ({ params: await pageIncident(a), body: { status: 'monitoring', message: 'Better' } }),
  '/api/v1/status-pages/:id/maintenance': async (a) => ({ params: { id: await statusPage(a) }, body: maintenanceBody }),
  '/api/v1/status-pages/:id/maintenance/:maintenanceId': async (a) => {
    const id = await statusPage(a);
    const notice = await createMaintenance({ ctx: a, pageId: id, input: { ...maintenanceBody, componentIds: [] } });
    return { params: { id, maintenanceId: notice.id }, body: { title: 'Renamed' } };
  },
  ...INCIDENT_FIXTURES,
  '/api/v1/tokens/:id': async (a) => ({ params: { id: (await createApiToken({ ctx: a, input: { name: `t${++n}`, role: 'viewer' } })).id } }),
};

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? 'missing');
}

describe('role × route policy', () => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let ctxA: Ctx;
  const tokens = {} as Record<Role, string>;
  let otherOrgAdmin: string;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect: 'sqlite' });
    app = await buildApp(t.runtime, { runsJobs: false });
    const services = servicesOf(t.runtime);
    const a = await createAdmin({ services, actor: cliActor(), input: { email: 'owner-a@example.com', password: 'long enough password', orgSlug: 'org-a' } });
    const b = await createAdmin({ services, actor: cliActor(), input: { email: 'owner-b@example.com', password: 'long enough password', orgSlug: 'org-b' } });
    ctxA = serviceCtx(services, a.org.id, cliActor());
    for (const role of ROLES) tokens[role] = (await createApiToken({ ctx: ctxA, input: { name: role, role } })).token;
    otherOrgAdmin = (await createApiToken({ ctx: serviceCtx(services, b.org.id, cliActor()), input: { name: 'b-admin', role: 'admin' } })).token;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: string, target: { url: string; body?: Record<string, unknown> }, token?: string) =>
    app.inject({
      method: method as 'GET',
      url: target.url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: target.body ?? {} }),
    });

  it('every /api/v1 route declares a policy', () => {
    const routes = app.routeCatalog.filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json');
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !r.policy)).toEqual([]);
  });

  it('refuses to start with a route that declares no policy', async () => {
    const careless: CustosModule = { name: 'careless', routes: (api) => void api.get('/open', async () => 'oops') };
    const bad = await createTestRuntime({ dialect: 'sqlite', modules: [...t.runtime.modules, careless] });
    await expect(buildApp(bad.runtime, { runsJobs: false })).rejects.toThrow(/declares no policy/);
    await bad.close();
  });

  it('answers each role as its permissions say, 401 without credentials, 404 across organizations', async () => {
    const routes = app.routeCatalog.filter((r) => r.url.startsWith('/api/v1/') && r.policy && r.policy !== 'public');
    const problems: string[] = [];
    for (const route of routes) {
      const needsParams = route.url.includes(':');
      const fixture = FIXTURES[route.url];
      if (needsParams && !fixture) {
        problems.push(`${route.method} ${route.url}: add a fixture to test/authz.test.ts`);
        continue;
      }
      const url = async () => {
        if (!needsParams) return { url: route.url };
        const made = await fixture(ctxA);
        return { url: fill(route.url, made.params), body: made.body };
      };

      const anonymous = await call(route.method, await url());
      if (anonymous.statusCode !== 401) problems.push(`${route.method} ${route.url} without credentials: ${anonymous.statusCode}`);

      if (needsParams) {
        const foreign = await call(route.method, await url(), otherOrgAdmin);
        if (foreign.statusCode !== 404) problems.push(`${route.method} ${route.url} from another organization: ${foreign.statusCode}`);
      }

      for (const role of ROLES) {
        const res = await call(route.method, await url(), tokens[role]);
        const allowed = roleCan(role, route.policy as Permission);
        if (!allowed && res.statusCode !== 403) problems.push(`${route.method} ${route.url} as ${role}: ${res.statusCode}, expected 403`);
        if (allowed && [401, 403].includes(res.statusCode)) problems.push(`${route.method} ${route.url} as ${role}: ${res.statusCode}, expected access`);
        if (res.statusCode >= 500) problems.push(`${route.method} ${route.url} as ${role}: ${res.statusCode} ${res.body}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
