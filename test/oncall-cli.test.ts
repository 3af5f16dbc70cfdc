import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchedule } from '../src/modules/oncall/index.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { oncallOrg } from './oncall-helpers.ts';

describe('custos oncall', () => {
  let t: TestRuntime;
  let scheduleId: string;
  let annId: string;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect: 'sqlite' });
    const { ctx, people } = await oncallOrg(t.runtime, 'cli-oncall', ['ann', 'bob']);
    annId = people.ann.id;
    const layer = { name: 'Daily', participants: [people.ann.id, people.bob.id], rotation: 'daily' as const, handoffTime: '09:00', timeZone: 'Europe/London', startDate: '2026-03-27', restrictions: [] };
    scheduleId = (await createSchedule({ ctx, input: { name: 'Primary', timeZone: 'Europe/London', layers: [layer] } })).id;
    await t.runtime.store.close();
  });
  afterAll(() => t.database.drop());

  const custos = (args: string[]) => {
    const r = spawnSync(process.execPath, ['src/main.ts', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_DATA_DIR: t.runtime.config.dataDir } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('lists the schedules', () => {
    const r = custos(['oncall', 'schedules', '--org', 'cli-oncall', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).data).toMatchObject([{ id: scheduleId, name: 'Primary', timeZone: 'Europe/London', layers: [{ rotation: 'daily' }] }]);
    expect(custos(['oncall', 'schedules', '--org', 'cli-oncall']).stdout).toContain('Daily (daily, 2)');
  });

  it('says who is on call at a time, by schedule name or id', () => {
    const byName = custos(['oncall', 'who', '--org', 'cli-oncall', '--schedule', 'Primary', '--at', '2026-03-29T08:00:00Z', '-o', 'json']);
    expect(byName.code).toBe(0);
    expect(JSON.parse(byName.stdout).data).toMatchObject({ schedule: 'Primary', at: '2026-03-29T08:00:00.000Z', user: { id: annId, name: 'Ann' }, until: '2026-03-30T08:00:00.000Z' });
    const table = custos(['oncall', 'who', '--org', 'cli-oncall', '--schedule', scheduleId, '--at', '2026-03-29T07:59:00Z']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Bob <bob@oncall.example.com>');
  });

  it('fails with the error code on an unknown schedule or a bad time', () => {
    const missing = custos(['oncall', 'who', '--org', 'cli-oncall', '--schedule', 'Nope']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('SCHEDULE_NOT_FOUND');
    const bad = custos(['oncall', 'who', '--org', 'cli-oncall', '--schedule', 'Primary', '--at', 'tomorrow-ish']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('VALIDATION_FAILED');
  });
});
