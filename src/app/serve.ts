import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/index.ts';
import { buildApp } from '../http/build-app.ts';
import { createRuntime, migrateRuntime, type Runtime } from '../platform/runtime.ts';
import { appModules } from './modules.ts';

export interface Server {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  /** Finishes in-flight requests and jobs (or hands jobs back), then closes the store. */
  close(): Promise<void>;
  /** Resolves once migrations applied and background work started. */
  ready: Promise<void>;
}

const MIGRATE_RETRY_MS = [500, 1000, 2000, 5000];

/**
 * Listens first, then migrates with retries: a database that is down at boot leaves the process
 * up, answering 503 on /api/health, until the database returns.
 */
export async function startServer(config: Config, options: { runtime?: Runtime } = {}): Promise<Server> {
  const runtime = options.runtime ?? createRuntime({ config, modules: appModules() });
  const runsJobs = config.role !== 'api';
  const app = await buildApp(runtime, { runsJobs });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${port}`;

  const state = { closing: false };
  const ready = (async () => {
    for (let attempt = 0; !state.closing; attempt++) {
      try {
        const summary = await migrateRuntime(runtime);
        if (summary.failed) throw new Error(`migration ${summary.failed.name} failed: ${summary.failed.error}`);
        if (summary.applied.length) runtime.logger.info({ applied: summary.applied }, 'migrations applied');
        break;
      } catch (err) {
        runtime.migrations = { done: false, error: (err as Error).message };
        runtime.logger.error({ err }, 'database not ready; retrying');
        await new Promise((r) => setTimeout(r, MIGRATE_RETRY_MS[Math.min(attempt, MIGRATE_RETRY_MS.length - 1)]));
      }
    }
    if (state.closing) return;
    for (const m of runtime.modules) await m.start?.(runtime);
    if (runsJobs) runtime.runner.start();
  })();
  runtime.logger.info({ url, dialect: runtime.dialect, role: config.role }, 'custos listening');

  return {
    app,
    runtime,
    url,
    ready,
    async close() {
      state.closing = true;
      await app.close();
      await runtime.runner.stop(config.shutdownTimeoutMs);
      for (const m of runtime.modules.toReversed()) await m.stop?.(runtime);
      await runtime.store.close();
    },
  };
}
