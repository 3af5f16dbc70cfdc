import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance, so tests can build several apps in one process. */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  dbQueryDuration: Histogram<'operation' | 'outcome'>;
  jobsClaimed: Counter<'kind'>;
  jobsCompleted: Counter<'kind'>;
  jobsFailed: Counter<'kind' | 'final'>;
  jobsBacklog: Gauge;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'custos_' });
  // prom-client names these gauges *_total, which promtool rejects; the per-type gauges stay.
  for (const name of ['handles', 'requests', 'resources']) registry.removeSingleMetric(`custos_nodejs_active_${name}_total`);
  return {
    registry,
    httpDuration: new Histogram({
      name: 'custos_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    dbQueryDuration: new Histogram({
      name: 'custos_db_query_duration_seconds',
      help: 'Database query duration by statement kind',
      labelNames: ['operation', 'outcome'],
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    }),
    jobsClaimed: new Counter({ name: 'custos_jobs_claimed_total', help: 'Jobs claimed by this process', labelNames: ['kind'], registers: [registry] }),
    jobsCompleted: new Counter({ name: 'custos_jobs_completed_total', help: 'Jobs completed by this process', labelNames: ['kind'], registers: [registry] }),
    jobsFailed: new Counter({
      name: 'custos_jobs_failed_total',
      help: 'Job attempts that failed; final="true" when no retry is left',
      labelNames: ['kind', 'final'],
      registers: [registry],
    }),
    jobsBacklog: new Gauge({ name: 'custos_jobs_backlog', help: 'Jobs due and not yet claimed, at the last health check', registers: [registry] }),
  };
}
