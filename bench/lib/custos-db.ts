// Prepares a Custos SQLite database with N HTTP monitors, created through the createMonitor verb
// (audited) in transactions of 1,000.
import { appModules } from '../../src/app/modules.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createAdmin, servicesOf } from '../../src/modules/auth/index.ts';
import { createDefaultProbeRegistry, createMonitor } from '../../src/modules/monitors/index.ts';
import { cliActor, serviceCtx } from '../../src/platform/context.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createRuntime, migrateRuntime } from '../../src/platform/runtime.ts';

export async function prepareDatabase(options: { url: string; dataDir: string; monitors: number; targetUrl: (i: number) => string; interval: number }): Promise<{ seconds: number }> {
  const t0 = performance.now();
  const config = loadConfig({ env: {}, overrides: { databaseUrl: options.url, dataDir: options.dataDir, logLevel: 'silent' } });
  const runtime = createRuntime({ config, modules: appModules(), logger: createLogger({ level: 'silent' }) });
  const summary = await migrateRuntime(runtime);
  if (summary.failed) throw new Error(`migration failed: ${summary.failed.name}: ${summary.failed.error}`);
  const services = servicesOf(runtime);
  const { org } = await createAdmin({ services, actor: cliActor(), input: { email: 'bench@example.com', password: 'bench password 123', orgSlug: 'bench' } });
  const ctx = serviceCtx(services, org.id, cliActor());
  const probes = createDefaultProbeRegistry();
  for (let i = 0; i < options.monitors; i += 1000) {
    await runtime.db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(options.monitors, i + 1000); j++) {
        await createMonitor({
          ctx: { ...ctx, db: trx },
          probes,
          input: { name: `bench ${j}`, type: 'http', settings: { url: `${options.targetUrl(j)}/m/${j}` }, labels: { bench: 'checks' }, interval: options.interval, confirmDown: 2, confirmUp: 1, paused: false },
        });
      }
    });
  }
  await runtime.store.close();
  return { seconds: (performance.now() - t0) / 1000 };
}
