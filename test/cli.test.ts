import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteDatabase } from './helpers/databases.ts';

const db = sqliteDatabase();
afterAll(() => db.drop());

function custos(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['src/main.ts', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CUSTOS_DATABASE_URL: db.url, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('custos CLI', () => {
  it('prints its version', () => {
    const r = custos(['version', '--output', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).data.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists commands with --help', () => {
    const r = custos(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('serve');
    expect(r.stdout).toContain('migrate');
  });

  it('exits non-zero with the error code on an unknown command', () => {
    const r = custos(['frobnicate']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('UNKNOWN_COMMAND');
  });

  it('rejects an unknown flag', () => {
    const r = custos(['migrate', '--frob']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('VALIDATION_FAILED');
  });

  it('applies migrations once', () => {
    const first = custos(['migrate', '-o', 'json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).data.applied).toContain('platform-jobs');
    const second = custos(['migrate', '-o', 'json']);
    expect(JSON.parse(second.stdout).data.applied).toBe('(none pending)');
  });

  it('reports invalid configuration with the variable name and exit code 78', () => {
    const r = custos(['migrate'], { CUSTOS_PORT: 'x' });
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('CONFIG_INVALID');
    expect(r.stderr).toContain('CUSTOS_PORT');
  });
});
