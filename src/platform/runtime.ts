import type { Config } from '../config/index.ts';
import { Bus } from './bus.ts';
import { loadSecretKeys, SecretBox } from './crypto/index.ts';
import { systemClock, type Clock } from './clock.ts';
import { migrateToLatest, openDatabase, type CustosMigration, type Db, type Dialect, type MigrationSummary, type Store } from './db/index.ts';
import { JobRunner, jobsKindIndexMigration, jobsMigration } from './jobs/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import type { Services } from './context.ts';
import type { CustosModule } from './module.ts';

/** Everything a verb, route, command or job needs from the process; passed explicitly, never global. */
export interface Runtime {
  config: Config;
  store: Store;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  runner: JobRunner;
  bus: Bus;
  /** Encrypts channel credentials and other secrets at rest; the key is loaded on first use. */
  secrets(): SecretBox;
  modules: CustosModule[];
  startedAt: number;
  migrations: { done: boolean; error: string | null };
}

export interface CreateRuntimeOptions {
  config: Config;
  modules: CustosModule[];
  clock?: Clock;
  logger?: Logger;
}

/** What verbs need from the runtime: one constructor, so every context carries the secret box too. */
export function servicesOf(runtime: Runtime): Services {
  return { config: runtime.config, db: runtime.db, dialect: runtime.dialect, clock: runtime.clock, logger: runtime.logger, secrets: () => runtime.secrets() };
}

export function createRuntime(options: CreateRuntimeOptions): Runtime {
  const { config, modules } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = createMetrics();
  const store = openDatabase({
    url: config.databaseUrl,
    poolSize: config.dbPoolSize,
    logger,
    onQuery: (operation, seconds, failed) => metrics.dbQueryDuration.observe({ operation, outcome: failed ? 'error' : 'ok' }, seconds),
  });
  const runner = new JobRunner({
    db: store.db,
    dialect: store.dialect,
    clock,
    logger: logger.child({ component: 'jobs' }),
    metrics,
    concurrency: config.jobConcurrency,
    leaseMs: config.jobLeaseMs,
    pollMs: config.jobPollMs,
  });
  let secretBox: SecretBox | undefined;
  const runtime: Runtime = {
    config,
    store,
    db: store.db,
    dialect: store.dialect,
    clock,
    logger,
    metrics,
    runner,
    bus: new Bus(),
    secrets: () => (secretBox ??= new SecretBox(loadSecretKeys({ secretKey: config.secretKey, dataDir: config.dataDir }))),
    modules,
    startedAt: Date.now(),
    migrations: { done: false, error: null },
  };
  for (const m of modules) m.registerJobs?.(runner, runtime);
  return runtime;
}

export function allMigrations(modules: CustosModule[]): Record<string, CustosMigration> {
  const all: Record<string, CustosMigration> = { '2026-11-22-0001-platform-jobs': jobsMigration, '2026-12-11-0001-platform-jobs-kind-index': jobsKindIndexMigration };
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (name in all) throw new Error(`migration ${name} defined twice`);
      all[name] = migration;
    }
  }
  return all;
}

export async function migrateRuntime(runtime: Runtime): Promise<MigrationSummary> {
  const summary = await migrateToLatest(runtime.db, runtime.dialect, allMigrations(runtime.modules));
  runtime.migrations = { done: summary.failed === null, error: summary.failed ? `${summary.failed.name}: ${summary.failed.error}` : null };
  return summary;
}
