import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGroupingConfigs, defaultComponents, GROUPING_TRANSITION_MS } from '../src/modules/errortracking/index.ts';
import { DAY, ManualClock, MINUTE } from '../src/platform/clock.ts';
import { createProject, get, startErrorsApp, type ErrorsApp, type TestProject } from './errors-support.ts';
import { describeEachDialect } from './helpers/databases.ts';

const grouping = createGroupingConfigs().register({ id: 'test:v2', defaultComponents: (event) => ['v2', ...defaultComponents(event)] });
const crash = (release: string, extra: Record<string, unknown> = {}) => ({
  event_id: crypto.randomUUID().replaceAll('-', ''),
  release,
  level: 'error',
  exception: { values: [{ type: 'LedgerError', value: 'balance mismatch', stacktrace: { frames: [{ filename: '/app/ledger.js', function: 'reconcile', lineno: 3, in_app: true }] } }] },
  ...extra,
});

describeEachDialect('digest: issues, regressions, grouping upgrades, poison rows', (dialect) => {
  let e: ErrorsApp;
  let project: TestProject;
  const clock = new ManualClock('2026-04-01T08:00:00Z');

  beforeAll(async () => {
    e = await startErrorsApp(dialect, `digest-${dialect}`, { clock, errors: { grouping } });
    project = await createProject(e);
  });
  afterAll(() => e.close());

  const send = async (event: Record<string, unknown>, p = project) => {
    const res = await e.app.inject({ method: 'POST', url: `/api/${p.number}/store/?sentry_key=${p.publicKey}`, payload: event });
    expect(res.statusCode).toBe(200);
    clock.advance(MINUTE);
  };
  const patch = async (url: string, payload: Record<string, unknown>) => {
    const res = await e.app.inject({ method: 'PATCH', url, headers: e.admin.headers, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const issueOf = async (p = project) => {
    await e.digest();
    const list = (await get(e, `/api/v1/issues?projectId=${p.id}`)).data;
    expect(list).toHaveLength(1);
    return list[0];
  };

  it('reopens a resolved issue as a regression with the release it came back in', async () => {
    await send(crash('ledger@1.0'));
    const first = await issueOf();
    expect(first).toMatchObject({ status: 'unresolved', isRegression: false, eventCount: 1, firstRelease: 'ledger@1.0' });
    expect((await patch(`/api/v1/issues/${first.id}`, { status: 'resolved' })).status).toBe('resolved');
    await send(crash('ledger@1.1'));
    expect(await issueOf()).toMatchObject({ id: first.id, status: 'unresolved', isRegression: true, regressedInRelease: 'ledger@1.1', eventCount: 2 });
    const detail = await get(e, `/api/v1/issues/${first.id}`);
    expect(detail.releases.map((r: { release: string; regressed: boolean }) => [r.release, r.regressed])).toEqual([
      ['ledger@1.0', false],
      ['ledger@1.1', true],
    ]);
    const releases = (await get(e, `/api/v1/projects/${project.id}/releases`)).data;
    expect(releases.map((r: { version: string; newIssues: number; regressions: number }) => [r.version, r.newIssues, r.regressions])).toEqual([
      ['ledger@1.1', 0, 1],
      ['ledger@1.0', 1, 0],
    ]);
  });

  it('keeps an issue resolved in the next release until a newer release sends it, and an ignored issue ignored', async () => {
    const { id } = await issueOf();
    const created = await e.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/releases`, headers: e.admin.headers, payload: { version: 'ledger@2.0' } });
    expect(created.statusCode).toBe(201);
    expect((await patch(`/api/v1/issues/${id}`, { status: 'resolved_next_release' })).resolvedInRelease).toBe('ledger@2.0');
    await send(crash('ledger@2.0'));
    await send(crash('ledger@1.1'));
    expect(await issueOf()).toMatchObject({ status: 'resolved_next_release', eventCount: 4 });
    await send(crash('ledger@2.1'));
    expect(await issueOf()).toMatchObject({ status: 'unresolved', isRegression: true, regressedInRelease: 'ledger@2.1', eventCount: 5 });
    await patch(`/api/v1/issues/${id}`, { status: 'ignored' });
    await send(crash('ledger@2.2'));
    expect(await issueOf()).toMatchObject({ status: 'ignored', eventCount: 6 });
    const audit = (await get(e, `/api/v1/audit/events?action=issue.update&subject=issue:${id}`)).data;
    expect(audit.map((a: { data: { after: { status: string } } }) => a.data.after.status)).toEqual(expect.arrayContaining(['resolved', 'resolved_next_release', 'ignored']));
  });

  it('keeps issues whole across a grouping config upgrade, during and after the transition', async () => {
    const p = await createProject(e);
    await send(crash('ledger@3.0'), p);
    const before = await issueOf(p);
    expect(before.groupingConfig).toBe('custos:2026-12');
    expect((await patch(`/api/v1/projects/${p.id}`, { groupingConfig: 'test:v2' })).groupingConfig).toBe('test:v2');
    await send(crash('ledger@3.0'), p);
    expect(await issueOf(p)).toMatchObject({ id: before.id, eventCount: 2 });
    clock.advance(GROUPING_TRANSITION_MS + DAY);
    await send(crash('ledger@3.0'), p);
    expect(await issueOf(p)).toMatchObject({ id: before.id, eventCount: 3 });
    const bad = await e.app.inject({ method: 'PATCH', url: `/api/v1/projects/${p.id}`, headers: e.admin.headers, payload: { groupingConfig: 'nope' } });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('retries an unreadable queue row, then parks it as failed and counts its events, without stalling the rest', async () => {
    const p = await createProject(e);
    const [key] = (await get(e, `/api/v1/projects/${p.id}/keys`)).data;
    const orgId = (await sql<{ org_id: string }>`select org_id from error_projects where id = ${p.id}`.execute(e.t.runtime.db)).rows[0].org_id;
    await sql`insert into error_ingest_queue (org_id, project_id, key_id, received_at, event_count, body, status, attempts) values (${orgId}, ${p.id}, ${key.id}, ${clock.now()}, ${3}, ${'{}\n{"type":"event"}\n{not json'}, 'queued', 0)`.execute(e.t.runtime.db);
    await send(crash('ledger@4.0'), p);
    let parked = false;
    for (let i = 0; i < 5 && !parked; i++) parked = (await e.digest()).failedRows > 0 && (await get(e, `/api/v1/projects/${p.id}/outcomes`)).queue.failed === 1;
    const report = await get(e, `/api/v1/projects/${p.id}/outcomes`);
    expect(report.queue).toEqual({ queued: 0, failed: 1 });
    expect(report.totals).toContainEqual({ category: 'error', outcome: 'failed', reason: 'digest_error', quantity: 3 });
    expect((await get(e, `/api/v1/issues?projectId=${p.id}`)).data).toHaveLength(1);
  });
});
