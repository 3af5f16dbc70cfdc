import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithOwner } from './helpers/auth.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describe('custos incident', () => {
  let t: TestRuntime;

  beforeAll(async () => {
    t = await createTestRuntime({ dialect: 'sqlite' });
    await createOrgWithOwner(t.runtime, 'cli-incidents');
    await t.runtime.store.close();
  });
  afterAll(() => t.database.drop());

  const custos = (args: string[]) => {
    const r = spawnSync(process.execPath, ['src/main.ts', 'incident', ...args, '--org', 'cli-incidents'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_DATA_DIR: t.runtime.config.dataDir },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('creates, lists, shows, acknowledges, resolves and closes an incident', () => {
    const created = custos(['create', '--title', 'Batch export stuck', '--severity', 'P3', '--label', 'team=data', '-o', 'json']);
    expect(created.code).toBe(0);
    const incident = JSON.parse(created.stdout).data;
    expect(incident).toMatchObject({ title: 'Batch export stuck', severity: 'P3', status: 'triggered', labels: { team: 'data' }, createdBy: 'custos CLI' });

    const list = custos(['list', '--open']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(incident.id);
    expect(list.stdout).toContain('Batch export stuck');

    expect(JSON.parse(custos(['ack', incident.id, '--comment', 'looking', '-o', 'json']).stdout).data.status).toBe('acknowledged');
    expect(custos(['resolve', incident.id]).stdout).toContain('resolved');
    expect(JSON.parse(custos(['close', incident.id, '-o', 'json']).stdout).data.status).toBe('closed');

    const shown = custos(['show', incident.id]);
    expect(shown.code).toBe(0);
    for (const kind of ['incident.created', 'incident.acknowledged', 'incident.resolved', 'incident.closed']) expect(shown.stdout).toContain(kind);
  });

  it('fails with the error code', () => {
    const p1 = JSON.parse(custos(['create', '--title', 'Card payments failing', '--severity', 'P1', '-o', 'json']).stdout).data;
    const early = custos(['close', p1.id]);
    expect(early.code).toBe(5);
    expect(early.stderr).toContain('INCIDENT_NOT_RESOLVED');
    custos(['resolve', p1.id]);
    const review = custos(['close', p1.id]);
    expect(review.code).toBe(5);
    expect(review.stderr).toContain('INCIDENT_REVIEW_REQUIRED');
    const missing = custos(['show', '01900000-0000-7000-8000-000000000000']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('INCIDENT_NOT_FOUND');
    const bad = custos(['create', '--title', 'x', '--severity', 'P7']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('VALIDATION_FAILED');
  });
});
