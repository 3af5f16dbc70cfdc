import { AppError } from '../../platform/errors.ts';
import { createLogger } from '../../platform/logger.ts';
import { createRuntime, migrateRuntime } from '../../platform/runtime.ts';
import { appModules } from '../../app/modules.ts';
import type { Command } from '../command.ts';
import { printResult } from '../output.ts';

export const migrateCommand: Command = {
  verb: 'migrate',
  summary: 'Apply pending database migrations and exit',
  async run({ config, output, io }) {
    const cfg = config();
    const runtime = createRuntime({ config: cfg, modules: appModules(), logger: createLogger({ level: 'warn', destination: process.stderr }) });
    try {
      const summary = await migrateRuntime(runtime);
      if (summary.failed) {
        throw new AppError('DATABASE_UNAVAILABLE', `migration ${summary.failed.name} failed: ${summary.failed.error}`, { details: { applied: summary.applied } });
      }
      printResult(io, output, { dialect: runtime.dialect, applied: summary.applied.length ? summary.applied.join(', ') : '(none pending)' });
      return 0;
    } finally {
      await runtime.store.close();
    }
  },
};
