import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import type { AuditTables } from '../src/modules/audit/schema.ts';
import { createApiToken } from '../src/modules/auth/index.ts';
import { scheduleEvidenceHour, verifyEvidencePack } from '../src/modules/evidence/index.ts';
import { readTar, writeTar } from '../src/modules/evidence/pack/tar.ts';
import { HOUR, ManualClock, MINUTE } from '../src/platform/clock.ts';
import { createOrgWithOwner, createTokenFor, type OrgWithOwner, type TestToken } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { drainJobs } from './helpers/evidence.ts';
import { insertFlips, insertGap, insertMonitors, insertResults, monitorRow, result } from './history-fixtures.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

const START = Date.parse('2026-09-01T00:30:00Z');

const problemOf = async (archive: Buffer) => (await verifyEvidencePack(archive)).firstProblem;

describeEachDialect('evidence packs', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;
  let clock: ManualClock;
  let o: OrgWithOwner;
  let auditor: TestToken;
  let pack: Buffer;

  const exportPack = async (body: Record<string, string> = { from: '2026-09-01', to: '2026-09-02' }) => app.inject({ method: 'POST', url: '/api/v1/evidence/packs', headers: auditor.headers, payload: body });

  beforeAll(async () => {
    clock = new ManualClock(START);
    t = await createTestRuntime({ dialect, clock });
    app = await buildApp(t.runtime, { runsJobs: false });
    o = await createOrgWithOwner(t.runtime, `pack-${dialect}`);
    auditor = await createTokenFor(t.runtime, o.org.slug, 'auditor');
    const ids = ['web', 'api'].map((n) => `${n}-${dialect}`);
    await insertMonitors(t.runtime.db, ids.map((id) => monitorRow(o.org.id, START - HOUR, { id, name: id })));
    for (const id of ids) {
      const rows = [];
      for (let at = START; at < START + 50 * HOUR; at += 5 * MINUTE) rows.push(result(o.org.id, id, at, 'up', 30));
      await insertResults(t.runtime.db, rows);
    }
    await insertFlips(t.runtime.db, o.org.id, ids[1], [
      { at: START + 5 * HOUR, from: 'up', to: 'down' },
      { at: START + 6 * HOUR, from: 'down', to: 'up' },
    ]);
    await insertGap(t.runtime.db, o.org.id, ids[0], START + 10 * HOUR, START + 11 * HOUR, 12);
    await scheduleEvidenceHour(t.runtime.db, clock.now(), clock.now());
    for (let h = 0; h < 50; h++) {
      if (h % 7 === 0) await createApiToken({ ctx: o.ctx, input: { name: `ci ${h}`, role: 'viewer' } });
      clock.advance(HOUR);
      await drainJobs(t.runtime);
    }
    const res = await exportPack();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    pack = res.rawPayload;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('holds the report, its data, the chain segment with checkpoints, the methodology and a signed manifest', async () => {
    const files = await readTar(pack);
    expect(files.map((f) => f.path)).toEqual([
      'report.html',
      'report.pdf',
      'methodology.md',
      'data/report.json',
      'data/report.csv',
      'data/uptime-monitors.csv',
      'data/results-digests.json',
      'data/results-digests.csv',
      'audit/events.jsonl',
      'audit/checkpoints.json',
      'audit/timestamps.json',
      'audit/keys.json',
      'manifest.json',
      'manifest.sig',
      'public-key.pem',
    ]);
    const pdf = files.find((f) => f.path === 'report.pdf')!.content;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const digests = JSON.parse(files.find((f) => f.path === 'data/results-digests.json')!.content.toString());
    expect(digests.map((d: { day: string }) => d.day)).toEqual(['2026-09-01', '2026-09-02']);
    const verification = await verifyEvidencePack(pack);
    expect(verification).toMatchObject({ ok: true, files: 15, firstProblem: null, organization: { slug: o.org.slug } });
    expect(verification.checkpoints).toBeGreaterThanOrEqual(47);
    expect(verification.events).toBeGreaterThan(8);
  });

  it('fails on a change of any single byte, and says where', async () => {
    const positions = new Set<number>();
    for (let at = 0; at < pack.length; at += Math.max(1, Math.floor(pack.length / 300))) positions.add(at);
    for (const at of [0, 100, 124, 148, 257, 512, pack.length - 1, pack.length - 1025]) positions.add(at);
    const undetected: number[] = [];
    for (const at of positions) {
      const bad = Buffer.from(pack);
      bad[at] ^= 0x01;
      const problem = await problemOf(bad);
      if (!problem?.where) undetected.push(at);
    }
    expect(undetected).toEqual([]);
    const files = await readTar(pack);
    const offsetOf = (path: string) => {
      let offset = 0;
      for (const f of files) {
        if (f.path === path) return offset + 512;
        offset += 512 + Math.ceil(f.content.length / 512) * 512;
      }
      throw new Error(path);
    };
    const inEvents = Buffer.from(pack);
    inEvents[offsetOf('audit/events.jsonl') + 10] ^= 0x02;
    expect(await problemOf(inEvents)).toMatchObject({ where: 'audit/events.jsonl', reason: 'hash_mismatch' });
    const inManifest = Buffer.from(pack);
    inManifest[offsetOf('manifest.json') + 5] ^= 0x02;
    expect(await problemOf(inManifest)).toMatchObject({ where: expect.stringMatching(/^manifest\.(json|sig)$/) });
  });

  it('fails when a file is dropped or added', async () => {
    const files = await readTar(pack);
    const mtime = new Date(JSON.parse(files.find((f) => f.path === 'manifest.json')!.content.toString()).createdAt);
    expect(await problemOf(await writeTar(files.filter((f) => f.path !== 'data/report.csv'), mtime))).toMatchObject({ where: 'data/report.csv', reason: 'missing_file' });
    expect(await problemOf(await writeTar(files.filter((f) => f.path !== 'manifest.sig'), mtime))).toMatchObject({ where: 'manifest.sig', reason: 'missing_file' });
    expect(await problemOf(await writeTar([...files, { path: 'data/extra.csv', content: Buffer.from('a,b\n') }], mtime))).toMatchObject({ where: 'data/extra.csv', reason: 'extra_file' });
  });

  it('fails when a stored audit event was edited before the export, naming the event', async () => {
    const row = await t.runtime.db.withTables<AuditTables>().selectFrom('audit_events').selectAll().where('org_id', '=', o.org.id).where('action', '=', 'token.create').orderBy('seq').executeTakeFirstOrThrow();
    await t.runtime.db.withTables<AuditTables>().updateTable('audit_events').set({ actor_display: 'nobody' }).where('org_id', '=', o.org.id).where('seq', '=', row.seq).execute();
    const res = await exportPack();
    expect(await problemOf(res.rawPayload)).toMatchObject({ where: expect.stringContaining(`(event ${row.seq})`), reason: 'hash_mismatch' });
    await t.runtime.db.withTables<AuditTables>().updateTable('audit_events').set({ actor_display: row.actor_display }).where('org_id', '=', o.org.id).where('seq', '=', row.seq).execute();
  });

  it('names the field of a bad period', async () => {
    const reversed = await exportPack({ from: '2026-09-02', to: '2026-09-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.issues[0].path).toBe('to');
    const future = await exportPack({ from: '2027-01-01', to: '2027-01-02' });
    expect(future.json().error).toMatchObject({ code: 'EVIDENCE_RANGE_INVALID', details: { issues: [{ path: 'from' }] } });
    const long = await exportPack({ from: '2025-01-01', to: '2026-09-01' });
    expect(long.json().error).toMatchObject({ code: 'EVIDENCE_RANGE_INVALID', details: { issues: [{ path: 'to' }] } });
  });

  it.runIf(dialect === 'sqlite')('exports and verifies from the command line, exiting 1 with the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custos-pack-'));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_DATA_DIR: t.runtime.config.dataDir, CUSTOS_LOG_LEVEL: 'silent' };
    const custos = (args: string[]) => spawnSync(process.execPath, ['src/main.ts', ...args], { encoding: 'utf8', env });
    const out = join(dir, 'pack.tar');
    const exported = custos(['evidence', 'export', '--org', o.org.slug, '--from', '2026-09-01', '--to', '2026-09-02', '--out', out, '-o', 'json']);
    expect(exported.status).toBe(0);
    expect(custos(['evidence', 'verify', out]).status).toBe(0);
    const bad = Buffer.from(pack);
    bad[700] ^= 0x01;
    writeFileSync(join(dir, 'bad.tar'), bad);
    const failed = custos(['evidence', 'verify', join(dir, 'bad.tar')]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('EVIDENCE_PACK_INVALID: report.html: hash_mismatch');
  });
});
