import { appModules } from '../app/modules.ts';
import type { Config } from '../config/index.ts';
import { AppError } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';
import { createRuntime, migrateRuntime, type Runtime } from '../platform/runtime.ts';

/** Opens the store (applying pending migrations), runs `fn`, and always closes it. */
export async function withRuntime<T>(config: Config, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, destination: process.stderr });
  const runtime = createRuntime({ config, modules: appModules(), logger });
  try {
    const summary = await migrateRuntime(runtime).catch((err: Error) => {
      throw new AppError('DATABASE_UNAVAILABLE', `cannot open the database: ${err.message}`, { cause: err });
    });
    if (summary.failed) throw new AppError('DATABASE_UNAVAILABLE', `migration ${summary.failed.name} failed: ${summary.failed.error}`);
    return await fn(runtime);
  } finally {
    await runtime.store.close();
  }
}
