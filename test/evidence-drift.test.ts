import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAlerts } from '../src/modules/alerts/index.ts';
import { getChainHead, hashAuditEvent } from '../src/modules/audit/index.ts';
import type { AuditTables } from '../src/modules/audit/schema.ts';
import { createApiToken } from '../src/modules/auth/index.ts';
import { detectDrift, driftModeFor, DRIFT_ALERT, HOURLY_FULL_REPLAY_MAX_EVENTS, scheduleEvidenceHour } from '../src/modules/evidence/index.ts';
import { HOUR, ManualClock } from '../src/platform/clock.ts';
import { createOrgWithOwner, createTokenFor, type OrgWithOwner } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { drainJobs } from './helpers/evidence.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const driftAlerts = async (o: OrgWithOwner) => (await listAlerts({ ctx: o.ctx, input: { matcher: `alertname="${DRIFT_ALERT}"`, limit: 10 } })).data;

describeEachDialect('audit chain drift detection', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let n = 0;

  beforeAll(async () => {
    clock = new ManualClock('2026-06-01T10:30:00Z');
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    await scheduleEvidenceHour(t.runtime.db, clock.now(), clock.now());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const audit = () => t.runtime.db.withTables<AuditTables>();
  const hour = async () => {
    clock.advance(HOUR);
    await drainJobs(t.runtime);
  };
  const integrity = async (o: OrgWithOwner) => {
    const auditor = await createTokenFor(t.runtime, o.org.slug, 'auditor');
    return (await app.inject({ method: 'GET', url: '/api/v1/audit/integrity', headers: auditor.headers })).json();
  };
  /** An organization with a few events, checkpointed and verified once. */
  async function cleanOrg(): Promise<OrgWithOwner> {
    const o = await createOrgWithOwner(t.runtime, `drift-${dialect}-${++n}`);
    for (let i = 0; i < 3; i++) await createApiToken({ ctx: o.ctx, input: { name: `t${i}`, role: 'viewer' } });
    await hour();
    expect(await driftAlerts(o)).toEqual([]);
    return o;
  }

  it('raises a P0 within an hour of an edited event and reports it in the integrity API', async () => {
    const o = await cleanOrg();
    await createApiToken({ ctx: o.ctx, input: { name: 'after the checkpoint', role: 'viewer' } });
    const { seq } = await getChainHead(t.runtime.db, o.org.id);
    await audit().updateTable('audit_events').set({ data: '{"name":"someone else"}' }).where('org_id', '=', o.org.id).where('seq', '=', seq).execute();
    await hour();
    const [alert] = await driftAlerts(o);
    expect(alert).toMatchObject({ status: 'firing', severity: 'critical', labels: { alertname: DRIFT_ALERT, priority: 'P0' } });
    expect(alert.annotations.summary).toContain(`event ${seq}`);
    const report = await integrity(o);
    expect(report.lastVerification).toMatchObject({ mode: 'full', ok: false, firstProblem: { seq, reason: 'hash_mismatch' } });
    expect(report.latestCheckpoint).toMatchObject({ seq });
  });

  it('catches a chain rewritten from an old event on, hashes and head included, by its signed checkpoint', async () => {
    const o = await cleanOrg();
    const head = await getChainHead(t.runtime.db, o.org.id);
    const rows = await audit().selectFrom('audit_events').selectAll().where('org_id', '=', o.org.id).where('seq', '>=', 2).orderBy('seq').execute();
    let prev = (await audit().selectFrom('audit_events').select('hash').where('org_id', '=', o.org.id).where('seq', '=', 1).executeTakeFirstOrThrow()).hash;
    for (const [i, row] of rows.entries()) {
      const data = i === 0 ? '{"forged":true}' : row.data;
      const hash = hashAuditEvent({ orgId: row.org_id, seq: Number(row.seq), at: Number(row.at), actor: { type: row.actor_type, id: row.actor_id, display: row.actor_display }, action: row.action, subject: { type: row.subject_type, id: row.subject_id }, data: JSON.parse(data), prevHash: prev });
      await audit().updateTable('audit_events').set({ data, prev_hash: prev, hash }).where('org_id', '=', o.org.id).where('seq', '=', row.seq).execute();
      prev = hash;
    }
    await audit().updateTable('audit_heads').set({ hash: prev }).where('org_id', '=', o.org.id).execute();
    await hour();
    expect(await driftAlerts(o)).toHaveLength(1);
    expect((await integrity(o)).lastVerification.firstProblem).toMatchObject({ seq: head.seq, reason: 'checkpoint_mismatch' });
  });

  it('finds an edit of the oldest event within the hour while the chain is short', async () => {
    const o = await cleanOrg();
    await audit().updateTable('audit_events').set({ action: 'org.nothing_happened' }).where('org_id', '=', o.org.id).where('seq', '=', 1).execute();
    await hour();
    expect(await driftAlerts(o)).toHaveLength(1);
    expect((await integrity(o)).lastVerification).toMatchObject({ mode: 'full', ok: false, fromSeq: 1, firstProblem: { seq: 1, reason: 'hash_mismatch' } });
  });

  it('replays a long chain from its last intact checkpoint hourly and whole daily', async () => {
    const o = await cleanOrg();
    await audit().updateTable('audit_events').set({ action: 'org.nothing_happened' }).where('org_id', '=', o.org.id).where('seq', '=', 1).execute();
    const recent = await detectDrift({ ctx: o.ctx, mode: 'recent' });
    expect(recent).toMatchObject({ ok: true, fromSeq: (await getChainHead(t.runtime.db, o.org.id)).seq });
    expect(await driftAlerts(o)).toEqual([]);
    expect(await detectDrift({ ctx: o.ctx, mode: 'full' })).toMatchObject({ ok: false, firstProblem: { seq: 1, reason: 'hash_mismatch' } });
    expect(await driftAlerts(o)).toHaveLength(1);
    expect(await driftModeFor(o.ctx, false)).toBe('full');
    expect(HOURLY_FULL_REPLAY_MAX_EVENTS).toBeGreaterThan(1000);
  });

  it('keeps an untouched organization verified and quiet', async () => {
    const o = await cleanOrg();
    await hour();
    const report = await integrity(o);
    expect(report.lastVerification).toMatchObject({ ok: true, firstProblem: null });
    expect(report.anchor).toEqual({ degraded: false, lastPublishedAt: null });
    expect(await driftAlerts(o)).toEqual([]);
  });
});
