import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident, resolveIncident } from '../src/modules/incidents/index.ts';
import { openReview } from '../src/modules/reviews/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describe('custos review list', () => {
  let t: TestRuntime;
  let reviewId: string;

  beforeAll(async () => {
    // Long ago, so the review is overdue by the CLI's real clock.
    t = await createTestRuntime({ dialect: 'sqlite', clock: new ManualClock('2026-01-05T10:00:00Z') });
    const { ctx } = await createOrgWithOwner(t.runtime, 'cli-rv');
    const incident = await createIncident({ ctx, deps: { secrets: () => t.runtime.secrets() }, input: { title: 'Checkout down', severity: 'P0' } });
    await resolveIncident({ ctx, id: incident.id });
    reviewId = (await openReview({ ctx, input: { incidentId: incident.id } })).review.id;
    await t.runtime.store.close();
  });
  afterAll(() => t.database.drop());

  const custos = (args: string[]) => {
    const r = spawnSync(process.execPath, ['src/main.ts', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_DATA_DIR: t.runtime.config.dataDir } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('lists the overdue reviews and exits 1 while there are any', () => {
    const overdue = custos(['review', 'list', '--org', 'cli-rv', '--status', 'overdue']);
    expect(overdue.code).toBe(1);
    expect(overdue.stdout).toMatch(new RegExp(`${reviewId}\\s+Checkout down\\s+P0\\s+overdue\\s+2026-01-12T10:00:00.000Z`));
    const filed = custos(['review', 'list', '--org', 'cli-rv', '--status', 'filed', '-o', 'json']);
    expect(filed.code).toBe(0);
    expect(JSON.parse(filed.stdout).data).toEqual([]);
  });

  it('names a bad status', () => {
    const bad = custos(['review', 'list', '--org', 'cli-rv', '--status', 'late']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('VALIDATION_FAILED');
  });
});
