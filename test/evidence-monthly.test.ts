import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/http/build-app.ts';
import { scheduleEvidenceHour, verifyEvidencePack } from '../src/modules/evidence/index.ts';
import { HOUR, ManualClock } from '../src/platform/clock.ts';
import { createOrgWithOwner, createTokenFor } from './helpers/auth.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { drainJobs } from './helpers/evidence.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describeEachDialect('monthly evidence export', (dialect) => {
  let t: TestRuntime;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect, clock: new ManualClock('2026-10-31T23:30:00Z') });
    app = await buildApp(t.runtime, { runsJobs: false });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('writes the past month’s verified pack to the configured directory on the 1st', async () => {
    const clock = t.runtime.clock as ManualClock;
    const { org } = await createOrgWithOwner(t.runtime, `monthly-${dialect}`);
    const admin = await createTokenFor(t.runtime, org.slug, 'admin');
    const dir = join(mkdtempSync(join(tmpdir(), 'custos-monthly-')), 'packs');
    const put = (exportDir: string | null) => app.inject({ method: 'PUT', url: '/api/v1/evidence/settings', headers: admin.headers, payload: { exportDir } });
    const relative = await put('packs');
    expect(relative.statusCode).toBe(400);
    expect(relative.json().error.details.issues[0].path).toBe('exportDir');
    expect((await put(dir)).json()).toEqual({ exportDir: dir });

    await scheduleEvidenceHour(t.runtime.db, clock.now(), clock.now());
    await drainJobs(t.runtime);
    for (let h = 0; h < 2; h++) {
      clock.advance(HOUR);
      await drainJobs(t.runtime);
    }
    expect(readdirSync(dir)).toEqual([`custos-evidence-${org.slug}-2026-10.tar`]);
    const result = await verifyEvidencePack(readFileSync(join(dir, readdirSync(dir)[0])));
    expect(result).toMatchObject({ ok: true, period: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' } });
  });
});
