import type { FastifyInstance } from 'fastify';
import { checkHealth } from '../platform/health.ts';
import type { Runtime } from '../platform/runtime.ts';
import { VERSION } from '../platform/version.ts';

export function registerSystemRoutes(app: FastifyInstance, runtime: Runtime, runsJobs: boolean): void {
  app.get('/api/health', { schema: { hide: true } }, async (_request, reply) => {
    const report = await checkHealth(runtime, app.errorRate, VERSION, runsJobs);
    return reply.status(report.status === 'down' ? 503 : 200).header('cache-control', 'no-store').send(report);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const body = await runtime.metrics.registry.metrics();
    return reply.type(runtime.metrics.registry.contentType).send(body);
  });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
