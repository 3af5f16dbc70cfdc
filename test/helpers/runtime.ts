import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appModules } from '../../src/app/modules.ts';
import { loadConfig, type Config } from '../../src/config/index.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { CustosModule } from '../../src/platform/module.ts';
import { createRuntime, migrateRuntime, type Runtime } from '../../src/platform/runtime.ts';
import { makeDatabase, type TestDatabase } from './databases.ts';

export interface TestRuntime {
  runtime: Runtime;
  database: TestDatabase;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  return loadConfig({ env: {}, overrides: { logLevel: 'silent', port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'custos-data-')), ...overrides } });
}

/** A migrated runtime over a fresh database of the given dialect. */
export async function createTestRuntime(options: {
  dialect: 'sqlite' | 'postgres';
  clock?: Clock;
  modules?: CustosModule[];
  config?: Partial<Record<keyof Config, unknown>>;
  migrate?: boolean;
}): Promise<TestRuntime> {
  const database = await makeDatabase(options.dialect);
  const config = testConfig({ databaseUrl: database.url, ...options.config });
  const runtime = createRuntime({
    config,
    modules: options.modules ?? appModules(),
    clock: options.clock,
    logger: createLogger({ level: 'silent' }),
  });
  if (options.migrate !== false) {
    const summary = await migrateRuntime(runtime);
    if (summary.failed) throw new Error(`migration failed: ${summary.failed.name}: ${summary.failed.error}`);
  }
  return {
    runtime,
    database,
    async close() {
      await runtime.runner.stop(1000);
      await runtime.store.close();
      await database.drop();
    },
  };
}
