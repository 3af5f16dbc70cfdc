import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithOwner } from './helpers/auth.ts';
import { createTestRuntime, type TestRuntime } from './helpers/runtime.ts';

describe('custos runbook', () => {
  let t: TestRuntime;
  const dir = mkdtempSync(join(tmpdir(), 'custos-runbooks-'));

  beforeAll(async () => {
    t = await createTestRuntime({ dialect: 'sqlite' });
    await createOrgWithOwner(t.runtime, 'cli-rb');
    await t.runtime.store.close();
  });
  afterAll(() => t.database.drop());

  const custos = (args: string[]) => {
    const r = spawnSync(process.execPath, ['src/main.ts', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_DATABASE_URL: t.database.url, CUSTOS_DATA_DIR: t.runtime.config.dataDir } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  const path = join(dir, 'Payments-Down.md');

  it('puts a runbook from a file once', () => {
    file('Payments-Down.md', '---\nmatch:\n  service: payments\n---\n# Payments are down\n\nRestart the worker.\n');
    const created = custos(['runbook', 'put', path, '--org', 'cli-rb']);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created payments-down (version 1)');
    expect(custos(['runbook', 'put', path, '--org', 'cli-rb']).stdout).toContain('unchanged payments-down (version 1)');
  });

  it('saves a changed file as a new version and lists it', () => {
    file('Payments-Down.md', '---\nmatch:\n  service: payments\nnote: failover\n---\n# Payments are down\n\nFail over.\n');
    const updated = JSON.parse(custos(['runbook', 'put', path, '--org', 'cli-rb', '-o', 'json']).stdout).data;
    expect(updated).toMatchObject({ outcome: 'updated', runbook: { slug: 'payments-down', version: 2, title: 'Payments are down' } });
    expect(custos(['runbook', 'list', '--org', 'cli-rb']).stdout).toMatch(/payments-down\s+Payments are down\s+\["service=payments"\]\s+2/);
  });

  it('shows the current version or an earlier one', () => {
    expect(custos(['runbook', 'show', 'payments-down', '--org', 'cli-rb']).stdout).toContain('Fail over.');
    expect(custos(['runbook', 'show', 'payments-down', '--org', 'cli-rb', '--version', '1']).stdout).toContain('Restart the worker.');
  });

  it('fails with the error code on a bad file or an unknown runbook', () => {
    const bad = custos(['runbook', 'put', file('broken.md', 'no heading, no labels'), '--org', 'cli-rb']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('VALIDATION_FAILED');
    const missing = custos(['runbook', 'show', 'nope', '--org', 'cli-rb']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('RUNBOOK_NOT_FOUND');
  });

  it('puts several files only when every one is valid', () => {
    const good = file('good-one.md', '---\nmatch: { domain: auth }\n---\n# Good\n');
    expect(custos(['runbook', 'put', good, file('broken-two.md', 'no labels'), '--org', 'cli-rb']).code).toBe(2);
    const both = custos(['runbook', 'put', good, file('good-two.md', '---\nmatch: { domain: db }\n---\n# Also good\n'), '--org', 'cli-rb']);
    expect(both.stdout).toContain('created good-one (version 1)\ncreated good-two (version 1)');
  });
});
