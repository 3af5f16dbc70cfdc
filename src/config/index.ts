import { loadConfig, type LoadConfigOptions } from './load.ts';
import type { Config } from './schema.ts';

export { Config, envName } from './schema.ts';
export { loadConfig } from './load.ts';

/** The only place that reads process.env. */
export function loadConfigFromProcess(options: Omit<LoadConfigOptions, 'env'> = {}): Config {
  return loadConfig({ ...options, env: process.env });
}

/** Test-only read of an environment variable, kept here so process.env stays in src/config. */
export function testEnv(name: 'CUSTOS_TEST_DATABASE_URL' | 'CHROMIUM_PATH' | 'CI'): string | undefined {
  return process.env[name] || undefined;
}
