import type { ErrorRate } from './error-rate.ts';
import { countDueJobs } from './jobs/index.ts';
import type { Runtime } from './runtime.ts';

export interface ComponentHealth {
  status: 'ok' | 'degraded' | 'down';
  [key: string]: unknown;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  failing: string[];
  version: string;
  uptimeSeconds: number;
  components: Record<string, ComponentHealth>;
}

const ERROR_RATE_LIMIT = 0.2;
const MIN_REQUESTS_FOR_RATE = 20;

/** Health of every component; the route answers 503 when any is down. */
export async function checkHealth(runtime: Runtime, errorRate: ErrorRate, version: string, runsJobs: boolean): Promise<HealthReport> {
  const components: Record<string, ComponentHealth> = {};
  let dbUp = false;
  try {
    const latencyMs = await runtime.store.ping(2000);
    components.database = { status: 'ok', dialect: runtime.dialect, latencyMs: Math.round(latencyMs * 100) / 100 };
    dbUp = true;
  } catch (err) {
    components.database = { status: 'down', dialect: runtime.dialect, error: (err as Error).message || String(err) };
  }
  components.migrations = runtime.migrations.done
    ? { status: 'ok' }
    : { status: 'down', error: runtime.migrations.error ?? 'not applied yet' };

  if (runsJobs) {
    const last = runtime.runner.lastTickAt;
    const ageMs = last === null ? null : Date.now() - last;
    const staleAfterMs = Math.max(10_000, runtime.config.jobPollMs * 20);
    const stale = ageMs === null ? Date.now() - runtime.startedAt > staleAfterMs : ageMs > staleAfterMs;
    components.jobs = {
      status: stale ? 'down' : 'ok',
      lastHeartbeatAgeMs: ageMs,
      inFlight: runtime.runner.inFlight,
      ...(runtime.runner.lastError ? { lastError: runtime.runner.lastError } : {}),
    };
    if (dbUp && runtime.migrations.done) {
      const backlog = await countDueJobs(runtime.db, runtime.clock.now()).catch(() => null);
      if (backlog !== null) runtime.metrics.jobsBacklog.set(backlog);
      components.jobBacklog = { status: 'ok', due: backlog };
    }
  }

  if (dbUp && runtime.migrations.done) {
    for (const m of runtime.modules) {
      if (!m.health) continue;
      const extra = await m.health(runtime).catch((err: Error): Record<string, ComponentHealth> => ({ [m.name]: { status: 'degraded', error: err.message || String(err) } }));
      Object.assign(components, extra);
    }
  }

  const rate = errorRate.snapshot();
  components.errors = {
    status: rate.total >= MIN_REQUESTS_FOR_RATE && rate.ratio > ERROR_RATE_LIMIT ? 'degraded' : 'ok',
    windowMinutes: rate.windowMinutes,
    requests: rate.total,
    serverErrors: rate.errors,
    ratio: Math.round(rate.ratio * 1000) / 1000,
  };

  const failing = Object.entries(components).filter(([, c]) => c.status === 'down').map(([name]) => name);
  const degraded = Object.values(components).some((c) => c.status === 'degraded');
  return {
    status: failing.length > 0 ? 'down' : degraded ? 'degraded' : 'ok',
    failing,
    version,
    uptimeSeconds: Math.round((Date.now() - runtime.startedAt) / 1000),
    components,
  };
}
