import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAuditEvents } from '../src/modules/audit/index.ts';
import { RESULTS_DIGEST_ACTION, scheduleEvidenceHour, verifyResultsDigests } from '../src/modules/evidence/index.ts';
import type { MonitorTables } from '../src/modules/monitors/schema.ts';
import { DAY, HOUR, ManualClock, MINUTE } from '../src/platform/clock.ts';
import { createOrgWithOwner, createTokenFor, type OrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { drainJobs } from './helpers/evidence.ts';
import { insertMonitors, insertResults, monitorRow, result } from './history-fixtures.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const DAY1 = Date.parse('2026-08-10T00:00:00Z');

describeEachDialect('committed check results', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let o: OrgWithOwner;
  const ids = ['mon-a', 'mon-b'].map((id) => `${id}-${dialect}`);

  beforeAll(async () => {
    clock = new ManualClock(DAY1 + 2 * DAY + 30 * MINUTE);
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    o = await createOrgWithOwner(t.runtime, `results-${dialect}`);
    await insertMonitors(t.runtime.db, ids.map((id) => monitorRow(o.org.id, DAY1 - DAY, { id })));
    for (const id of ids) {
      const rows = [];
      for (let at = DAY1; at < DAY1 + 2 * DAY; at += 10 * MINUTE) rows.push(result(o.org.id, id, at, at % (7 * 10 * MINUTE) === 0 ? 'down' : 'up', 40 + (at % 13)));
      await insertResults(t.runtime.db, rows);
    }
    // Two daily runs: at 01:00 on the 11th (digesting the 10th) and on the 12th (the 11th).
    clock.set(DAY1 + DAY + HOUR + MINUTE);
    await scheduleEvidenceHour(t.runtime.db, clock.now(), clock.now());
    await drainJobs(t.runtime);
    clock.set(DAY1 + 2 * DAY + HOUR + MINUTE);
    await drainJobs(t.runtime);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const rows = () => t.runtime.db.withTables<MonitorTables>();
  const verify = () => verifyResultsDigests({ ctx: o.ctx, from: DAY1, to: DAY1 + DAY });

  it('appends one digest per day to the chain with a digest per monitor', async () => {
    const events = (await listAuditEvents({ ctx: o.ctx, input: { action: RESULTS_DIGEST_ACTION, limit: 10 } })).data;
    expect(events.map((e) => e.subject.id)).toEqual(['2026-08-11', '2026-08-10']);
    const data = events[1].data as { results: number; monitors: Record<string, { results: number; sha256: string }> };
    expect(data.results).toBe(2 * 144);
    expect(Object.keys(data.monitors).toSorted()).toEqual(ids.toSorted());
    expect(data.monitors[ids[0]].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await verify()).toEqual({ ok: true, daysChecked: 2, daysExpired: [], firstProblem: null });
  });

  it('names the monitor and day of an edited stored result', async () => {
    const at = DAY1 + DAY + 5 * HOUR;
    const original = await rows().selectFrom('check_results').selectAll().where('monitor_id', '=', ids[1]).where('at', '=', at).executeTakeFirstOrThrow();
    await rows().updateTable('check_results').set({ outcome: 'up', latency_ms: 1 }).where('monitor_id', '=', ids[1]).where('at', '=', at).execute();
    expect(await verify()).toMatchObject({ ok: false, daysChecked: 2, firstProblem: { day: '2026-08-11', monitorId: ids[1], reason: 'results_changed' } });
    await rows().updateTable('check_results').set({ outcome: original.outcome, latency_ms: original.latency_ms }).where('monitor_id', '=', ids[1]).where('at', '=', at).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('notices a deleted or an added result', async () => {
    const original = await rows().selectFrom('check_results').selectAll().where('monitor_id', '=', ids[0]).where('at', '=', DAY1).executeTakeFirstOrThrow();
    await rows().deleteFrom('check_results').where('monitor_id', '=', ids[0]).where('at', '=', DAY1).execute();
    const auditor = await createTokenFor(t.runtime, o.org.slug, 'auditor');
    const res = await app.inject({ method: 'GET', url: '/api/v1/evidence/results/verify?from=2026-08-10&to=2026-08-11', headers: auditor.headers });
    expect(res.json()).toMatchObject({ ok: false, firstProblem: { day: '2026-08-10', monitorId: ids[0], reason: 'results_changed' } });
    await insertResults(t.runtime.db, [original]);
    await insertResults(t.runtime.db, [result(o.org.id, ids[1], DAY1 - HOUR, 'up', 5)]);
    expect((await verify()).ok).toBe(true);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/evidence/results/verify?from=2026-08-11&to=2026-08-10', headers: auditor.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('to');
  });
});
