import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from './helpers/databases.ts';
import { createProject, databaseText, get, sentryClient, startErrorsApp, type ErrorsApp, type TestProject } from './errors-support.ts';

function failCheckout(orderId: number): never {
  throw new Error(`Payment declined for order ${orderId}`);
}

function loadBasket(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'items')");
}

// Kept out of this file: the SDK sends the source lines around each frame, and those are code, not data.
const seed = JSON.parse(readFileSync(new URL('./fixtures/sentry/personal-data.json', import.meta.url), 'utf8'));
const PERSONAL: string[] = seed.mustNotBeStored;

describeEachDialect('the official @sentry/node SDK against a Custos DSN', (dialect) => {
  let e: ErrorsApp;
  let project: TestProject;

  beforeAll(async () => {
    e = await startErrorsApp(dialect, `sdk-${dialect}`);
    project = await createProject(e);
    const { scope, flush } = sentryClient(project.dsn, { release: 'shop@1.4.2', environment: 'production' });
    scope.setTag('domain', 'payments');
    scope.setExtra('password', seed.password);
    scope.setExtra('note', seed.note);
    scope.setContext('customer', seed.customer);
    scope.addBreadcrumb({ category: 'http', message: `GET /basket with Authorization: ${seed.bearer}`, data: { cookie: seed.session } });
    scope.addEventProcessor((event) => ({ ...event, request: { url: 'https://shop.example.com/checkout', method: 'POST', headers: { Authorization: seed.bearer, Cookie: seed.session, 'User-Agent': 'test' } } }));
    const users = seed.users;
    for (const [i, user] of [users[0], users[1], users[0]].entries()) {
      scope.setUser(user);
      try {
        failCheckout(1000 + i);
      } catch (err) {
        scope.captureException(err);
      }
    }
    scope.setUser(users[1]);
    try {
      loadBasket();
    } catch (err) {
      scope.captureException(err);
    }
    scope.captureMessage('User 42 signed in from 10.0.0.1 at 2026-01-02T10:00:00Z', 'warning');
    scope.captureMessage('User 77 signed in from 10.0.0.2 at 2026-01-03T11:30:00Z', 'warning');
    expect(await flush()).toBe(true);
    const summary = await e.digest();
    expect(summary).toMatchObject({ events: 6, failedRows: 0 });
  });
  afterAll(() => e.close());

  it('groups repeats of one exception, one message shape and another exception into three issues', async () => {
    const issues = (await get(e, `/api/v1/issues?projectId=${project.id}&sort=count`)).data;
    expect(issues.map((i: { title: string; eventCount: number; userCount: number }) => [i.title, i.eventCount, i.userCount])).toEqual([
      [expect.stringMatching(/^Error: Payment declined for order 100[012]$/), 3, 2],
      [expect.stringMatching(/^User (42|77) signed in from 10\.0\.0\.[12] at 2026-01-0[23]T/), 2, 1],
      ["TypeError: Cannot read properties of undefined (reading 'items')", 1, 1],
    ]);
    expect(issues[0]).toMatchObject({ level: 'error', status: 'unresolved', type: 'error', firstRelease: 'shop@1.4.2', culprit: expect.stringContaining('failCheckout') });
    expect(issues[1]).toMatchObject({ level: 'warning', type: 'default' });
  });

  it('keeps release, environment and tags as facets, and the stack with its source lines', async () => {
    const [top] = (await get(e, `/api/v1/issues?projectId=${project.id}&sort=count&limit=1`)).data;
    const detail = await get(e, `/api/v1/issues/${top.id}`);
    const facet = (key: string) => detail.tags.find((t: { key: string }) => t.key === key)?.topValues.map((v: { value: string; count: number }) => [v.value, v.count]);
    expect(facet('domain')).toEqual([['payments', 3]]);
    expect(facet('release')).toEqual([['shop@1.4.2', 3]]);
    expect(detail.environments).toEqual(['production']);
    expect(detail.releases).toEqual([expect.objectContaining({ release: 'shop@1.4.2', count: 3, regressed: false })]);
    const frames = detail.latestEvent.data.exception.values.at(-1).stacktrace.frames;
    expect(frames.at(-1)).toMatchObject({ function: 'failCheckout', in_app: true, context_line: expect.stringContaining('throw new Error(`Payment declined') });
    const events = (await get(e, `/api/v1/issues/${top.id}/events`)).data;
    expect(events).toHaveLength(3);
    const stored = await Promise.all(events.map((ev: { eventId: string }) => get(e, `/api/v1/issues/${top.id}/events/${ev.eventId}`)));
    expect(stored.map((ev) => ev.data.user).sort((a, b) => a.id.localeCompare(b.id))).toEqual([{ id: 'u-1', username: 'alice' }, { id: 'u-1', username: 'alice' }, { id: 'u-2' }]);
    expect(new Set(events.map((ev: { userId: string }) => ev.userId)).size).toBe(2);
    expect((await get(e, `/api/v1/issues?projectId=${project.id}&environment=production&release=shop@1.4.2`)).data).toHaveLength(3);
    expect((await get(e, `/api/v1/issues?projectId=${project.id}&environment=staging`)).data).toHaveLength(0);
    const releases = (await get(e, `/api/v1/projects/${project.id}/releases`)).data;
    expect(releases).toEqual([expect.objectContaining({ version: 'shop@1.4.2', eventCount: 6, newIssues: 3 })]);
  });

  it('stores none of the personal data and credentials the app sent, and reports what it removed', async () => {
    const text = await databaseText(e.t.runtime);
    expect(text).toContain('Payment declined for order');
    expect(PERSONAL.filter((value) => text.includes(value))).toEqual([]);
    const report = await get(e, `/api/v1/projects/${project.id}/scrub-report`);
    const counts = Object.fromEntries(report.rules.map((r: { rule: string; count: number }) => [r.rule, r.count]));
    expect(counts).toMatchObject({ 'user.email': 6, 'user.ip_address': 2, 'field:password': 6, email: expect.any(Number), card: 6, nino: 6, 'field:name': 6, 'field:dob': 6, 'field:address': 6, 'field:authorization': 6, 'field:cookie': expect.any(Number) });
    expect(JSON.stringify(report)).not.toContain('alice');
  });

  it('accounts for every event in the outcomes report', async () => {
    const report = await get(e, `/api/v1/projects/${project.id}/outcomes`);
    expect(report.totals).toContainEqual({ category: 'error', outcome: 'accepted', reason: '', quantity: 6 });
    expect(report.queue).toEqual({ queued: 0, failed: 0 });
  });
});
