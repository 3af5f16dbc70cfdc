import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { listAlerts } from '../src/modules/alerts/index.ts';
import { checkpointPayload, checkpointProblem, PUBLICATION_ALERT, scheduleEvidenceHour, timestampTokenImprint, verifyEvidencePack } from '../src/modules/evidence/index.ts';
import { readTar } from '../src/modules/evidence/pack/tar.ts';
import { timestampsProblem } from '../src/modules/evidence/pack/verify-chain.ts';
import { DAY, HOUR, ManualClock } from '../src/platform/clock.ts';
import { createOrgWithOwner, createTokenFor, type OrgWithOwner, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { drainJobs } from './helpers/evidence.ts';
import { startReceiver, type TestReceiver } from './helpers/receiver.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { startTestTsa, type TestTsa } from './helpers/tsa.ts';

describeEachDialect('checkpoint witnesses', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let tsa: TestTsa;
  let good: TestReceiver;
  let bad: TestReceiver;
  let dir: string;

  beforeAll(async () => {
    clock = new ManualClock('2026-07-01T09:10:00Z');
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    [tsa, good, bad] = await Promise.all([startTestTsa(), startReceiver(200), startReceiver(503)]);
    dir = mkdtempSync(join(tmpdir(), 'custos-witness-'));
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([tsa.close(), good.close(), bad.close()]);
    await t.close();
  });

  const hour = async (n = 1) => {
    clock.advance(n * HOUR);
    await drainJobs(t.runtime);
  };
  const api = (token: TestToken, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => app.inject({ method, url: `/api/v1${url}`, headers: token.headers, payload: payload as object });
  async function setUp(slug: string, witnesses: unknown[]): Promise<{ o: OrgWithOwner; admin: TestToken; auditor: TestToken }> {
    const o = await createOrgWithOwner(t.runtime, slug);
    const admin = await createTokenFor(t.runtime, slug, 'admin');
    const auditor = await createTokenFor(t.runtime, slug, 'auditor');
    for (const w of witnesses) expect((await api(admin, 'POST', '/evidence/witnesses', w)).statusCode).toBe(201);
    return { o, admin, auditor };
  }

  it('names the bad setting of a witness', async () => {
    const { admin } = await setUp(`w-bad-${dialect}`, []);
    const relative = await api(admin, 'POST', '/evidence/witnesses', { name: 'x', type: 'directory', settings: { path: 'relative/dir' } });
    expect(relative.statusCode).toBe(400);
    expect(relative.json().error.details.issues[0].path).toBe('settings.path');
    const noUrl = await api(admin, 'POST', '/evidence/witnesses', { name: 'x', type: 'rfc3161', settings: { url: 'ftp://tsa' } });
    expect(noUrl.json().error.details.issues[0].path).toBe('settings.url');
    expect((await api(admin, 'POST', '/evidence/witnesses', { name: 'x', type: 'carrier-pigeon', settings: {} })).json().error.details.issues[0].path).toBe('type');
  });

  it('publishes each hourly checkpoint to a directory, an HTTP endpoint and an RFC 3161 authority', async () => {
    const { o, auditor } = await setUp(`w-ok-${dialect}`, [
      { name: 'vault', type: 'directory', settings: { path: dir } },
      { name: 'notary', type: 'http', settings: { url: good.url, headers: { authorization: 'Bearer s3cret-witness-token' } } },
      { name: 'tsa', type: 'rfc3161', settings: { url: tsa.url, caCertificate: tsa.caPem } },
    ]);
    await scheduleEvidenceHour(t.runtime.db, clock.now(), clock.now());
    await drainJobs(t.runtime);

    const integrity = (await api(auditor, 'GET', '/audit/integrity')).json();
    const checkpoint = integrity.latestCheckpoint;
    const keys = (await api(auditor, 'GET', '/audit/keys')).json().data;
    const [file] = readdirSync(join(dir, o.org.id));
    const written = JSON.parse(readFileSync(join(dir, o.org.id, file), 'utf8'));
    expect(written.checkpoint).toEqual(checkpoint);
    expect(checkpointProblem(written.checkpoint, keys)).toBeNull();
    expect(JSON.parse(good.bodies.at(-1)!).checkpoint).toEqual(checkpoint);

    const witnesses = integrity.witnesses as { name: string; settings: { headers?: Record<string, string> }; status: { lastPublishedAt: string | null; lastError: string | null } }[];
    expect(witnesses.map((w) => [w.name, w.status.lastPublishedAt, w.status.lastError]).sort()).toEqual(['notary', 'tsa', 'vault'].map((n) => [n, new Date(clock.now()).toISOString(), null]));
    expect(JSON.stringify(witnesses)).not.toContain('s3cret-witness-token');
    expect(integrity.anchor).toEqual({ degraded: false, lastPublishedAt: new Date(clock.now()).toISOString() });

    const token = await t.runtime.db
      .withTables<{ evidence_publications: { org_id: string; receipt: string | null; witness_id: string } }>()
      .selectFrom('evidence_publications')
      .select('receipt')
      .where('org_id', '=', o.org.id)
      .execute();
    const tsaReceipt = token.map((r) => r.receipt!).find((r) => !r.startsWith('/') && !r.startsWith('HTTP'))!;
    expect(timestampTokenImprint(Buffer.from(tsaReceipt, 'base64')).imprint).toBe(createHash('sha256').update(checkpointPayload(checkpoint)).digest('hex'));

    clock.advance(60_000);
    const pack = await api(auditor, 'POST', '/evidence/packs', { from: '2026-07-01', to: '2026-07-01' });
    const files = await readTar(pack.rawPayload);
    const timestamps = JSON.parse(files.find((f) => f.path === 'audit/timestamps.json')!.content.toString());
    expect(timestamps).toEqual([{ checkpointAt: checkpoint.at, seq: checkpoint.seq, witness: 'tsa', token: tsaReceipt }]);
    expect(await verifyEvidencePack(pack.rawPayload)).toMatchObject({ ok: true });
    expect(timestampsProblem([{ ...checkpoint, seq: checkpoint.seq }], [{ ...timestamps[0], token: Buffer.from('junk').toString('base64') }])).toMatchObject({ reason: 'malformed' });
    expect(timestampsProblem([{ ...checkpoint, hash: 'f'.repeat(64) }], timestamps)).toMatchObject({ reason: 'timestamp_mismatch', where: 'audit/timestamps.json entry 1 (' + checkpoint.at + ', tsa)' });
  });

  it('rejects an authority whose token does not chain to the configured CA', async () => {
    const other = await startTestTsa();
    const { auditor } = await setUp(`w-ca-${dialect}`, [{ name: 'impostor', type: 'rfc3161', settings: { url: other.url, caCertificate: tsa.caPem } }]);
    await hour();
    const [w] = (await api(auditor, 'GET', '/evidence/witnesses')).json().data;
    expect(w.status).toMatchObject({ lastPublishedAt: null, lastError: expect.stringContaining('does not chain'), retrying: 1 });
    await other.close();
  });

  it('retries a failed publication hourly for six hours, then alerts; two days without one degrade the anchor', async () => {
    const { o, auditor } = await setUp(`w-fail-${dialect}`, [{ name: 'flaky', type: 'http', settings: { url: bad.url } }]);
    const alerts = async () => (await listAlerts({ ctx: o.ctx, input: { matcher: `alertname="${PUBLICATION_ALERT}"`, limit: 10 } })).data;
    await hour();
    const first = bad.bodies.length;
    for (let i = 1; i <= 5; i++) await hour();
    expect(await alerts()).toEqual([]);
    await hour();
    expect(await alerts()).toHaveLength(1);
    expect((await alerts())[0]).toMatchObject({ labels: { witness: 'flaky' }, annotations: { description: 'HTTP 503' } });
    expect(bad.bodies.length).toBeGreaterThan(first);

    expect((await api(auditor, 'GET', '/audit/integrity')).json().anchor.degraded).toBe(false);
    clock.advance(2 * DAY);
    await drainJobs(t.runtime);
    expect((await api(auditor, 'GET', '/audit/integrity')).json().anchor).toEqual({ degraded: true, lastPublishedAt: null });
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.components.anchors).toMatchObject({ status: 'degraded' });
    expect(health.components.anchors.degradedOrganizations).toBeGreaterThanOrEqual(1);

    bad.status = 200;
    try {
      await hour();
      expect((await alerts())[0].status).toBe('resolved');
      expect((await api(auditor, 'GET', '/audit/integrity')).json().anchor.degraded).toBe(false);
    } finally {
      bad.status = 503;
    }
  });

  it('stops publishing to a deleted witness', async () => {
    const { admin } = await setUp(`w-del-${dialect}`, [{ name: 'gone', type: 'http', settings: { url: good.url } }]);
    const [w] = (await api(admin, 'GET', '/evidence/witnesses')).json().data;
    expect((await api(admin, 'DELETE', `/evidence/witnesses/${w.id}`)).statusCode).toBe(204);
    expect((await api(admin, 'DELETE', `/evidence/witnesses/${w.id}`)).json().error.code).toBe('EVIDENCE_WITNESS_NOT_FOUND');
    expect((await api(admin, 'GET', '/evidence/witnesses')).json().data).toEqual([]);
  });
});
