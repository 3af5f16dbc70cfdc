import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.ts';
import { createOrgWithOwner } from './helpers/auth.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';
import { GAP, seedHistory, T0, tcpMonitor, TIMELINE } from './reports-fixtures.ts';

describe('custos report and custos compliance check', () => {
  let t: TestRuntime;
  const out = join(mkdtempSync(join(tmpdir(), 'custos-report-')), 'report.html');

  beforeAll(async () => {
    t = await createTestRuntime({ dialect: 'sqlite', clock: new ManualClock(T0) });
    const { ctx } = await createOrgWithOwner(t.runtime, 'cli-reports');
    const id = await tcpMonitor(ctx, 'api', { service: 'api', sla: '99.9' });
    await seedHistory(t.runtime.db, ctx, id, TIMELINE, GAP);
    await t.runtime.store.close();
  });
  afterAll(() => t.database.drop());

  const custos = (args: string[]) => {
    const r = spawnSync(process.execPath, ['src/main.ts', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_DATA_DIR: t.runtime.config.dataDir } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const period = ['--org', 'cli-reports', '--from', '2026-03-02', '--to', '2026-03-02T10:00:00Z'];

  it('writes the HTML report to a file and prints JSON and CSV', () => {
    const html = custos(['report', ...period, '--format', 'html', '--out', out]);
    expect(html.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg[\s\S]*api/);
    const json = custos(['report', ...period]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).data.uptime.services).toMatchObject([{ service: 'api', uptime: 485 / 515, meetsSla: false }]);
    expect(custos(['report', ...period, '--format', 'csv']).stdout).toContain('uptime.service,api,meetsSla,false');
  });

  it('fails with the error code on a bad format or period', () => {
    const format = custos(['report', ...period, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('VALIDATION_FAILED');
    const reversed = custos(['report', '--org', 'cli-reports', '--from', '2026-03-03', '--to', '2026-03-02']);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('REPORT_PERIOD_INVALID');
  });

  it('exits non-zero when a finding is high severity', () => {
    const table = custos(['compliance', 'check', '--org', 'cli-reports']);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('oncall-missing');
    expect(table.stdout).toMatch(/controls: \d+ of 14 pass; failing: .*SOC 2 CC7\.4/);
    const json = custos(['compliance', 'check', '--org', 'cli-reports', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).data.summary.high).toBeGreaterThan(0);
  });
});
