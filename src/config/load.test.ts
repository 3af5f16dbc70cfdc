import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { loadConfig } from './load.ts';
import { envName } from './schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'custos-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a failure');
}

describe('loadConfig', () => {
  it('runs on defaults with nothing set', () => {
    const config = loadConfig({ env: {} });
    expect(config.databaseUrl).toBe('sqlite:./data/custos.db');
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('./data');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('maps camelCase keys to CUSTOS_ environment variables', () => {
    expect(envName('databaseUrl')).toBe('CUSTOS_DATABASE_URL');
    const config = loadConfig({ env: { CUSTOS_PORT: '9090', CUSTOS_DATABASE_URL: 'postgres://u@h/db', CUSTOS_TRUST_PROXY: 'true' } });
    expect(config.port).toBe(9090);
    expect(config.databaseUrl).toBe('postgres://u@h/db');
    expect(config.trustProxy).toBe(true);
  });

  it('reports every problem at once with the variable name', () => {
    const err = failure(() => loadConfig({ env: { CUSTOS_PORT: 'eighty', CUSTOS_DATABASE_URL: 'mysql://x', CUSTOS_ROLE: 'boss' } }));
    expect(err.code).toBe('CONFIG_INVALID');
    const problems = err.details?.problems as string[];
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/CUSTOS_PORT/);
    expect(problems.join('\n')).toMatch(/CUSTOS_DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/CUSTOS_ROLE/);
  });

  it('reads YAML and JSON files, with the environment winning', () => {
    const yaml = file('c.yaml', 'port: 7000\nlogLevel: debug\n');
    expect(loadConfig({ env: {}, configPath: yaml }).port).toBe(7000);
    expect(loadConfig({ env: { CUSTOS_PORT: '7001' }, configPath: yaml }).port).toBe(7001);
    const json = file('c.json', JSON.stringify({ port: 7002 }));
    expect(loadConfig({ env: { CUSTOS_CONFIG: json } }).port).toBe(7002);
  });

  it('rejects unknown and invalid settings in the file, naming the file', () => {
    const path = file('bad.yaml', 'prot: 7000\nport: -1\n');
    const err = failure(() => loadConfig({ env: {}, configPath: path }));
    expect(err.code).toBe('CONFIG_INVALID');
    const problems = (err.details!.problems as string[]).join('\n');
    expect(problems).toContain('unknown setting "prot"');
    expect(problems).toContain(`${path}: port`);
  });

  it('refuses to start when the config file does not match its pinned SHA-256', () => {
    const path = file('pinned.yaml', 'port: 7003\n');
    const good = createHash('sha256').update('port: 7003\n').digest('hex');
    expect(loadConfig({ env: { CUSTOS_CONFIG_SHA256: good }, configPath: path }).port).toBe(7003);
    writeFileSync(path, 'port: 7004\n');
    const err = failure(() => loadConfig({ env: { CUSTOS_CONFIG_SHA256: good }, configPath: path }));
    expect(err.code).toBe('CONFIG_INTEGRITY_MISMATCH');
    expect(err.message).toContain('refusing to start');
  });

  it('refuses a pinned hash without a config file', () => {
    const err = failure(() => loadConfig({ env: { CUSTOS_CONFIG_SHA256: 'a'.repeat(64) } }));
    expect(err.code).toBe('CONFIG_INTEGRITY_MISMATCH');
  });
});
