import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ErrorRate } from '../platform/error-rate.ts';
import { newId } from '../platform/ids.ts';
import type { Runtime } from '../platform/runtime.ts';
import { VERSION } from '../platform/version.ts';
import { installErrorHandling } from './error-handler.ts';
import { registerSystemRoutes } from './system-routes.ts';
import { registerWeb, type WebOptions } from './web.ts';

declare module 'fastify' {
  interface FastifyInstance {
    runtime: Runtime;
    errorRate: ErrorRate;
    /** Every route with its declared policy, for the role × route test and docs. */
    routeCatalog: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  policy: string | undefined;
}

export interface BuildAppOptions {
  /** Whether this process runs the job runner (health then checks its heartbeat). */
  runsJobs?: boolean;
  /** Where the built dashboard is; `false` serves no dashboard. */
  web?: WebOptions | false;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Builds the HTTP app without listening; tests call `inject()` or listen on port 0. */
export async function buildApp(runtime: Runtime, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: runtime.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: runtime.config.bodyLimitBytes,
    trustProxy: runtime.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('runtime', runtime);
  app.decorate('errorRate', new ErrorRate());
  app.decorate('routeCatalog', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeCatalog.push({ method, url: route.url, policy: route.config?.policy });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Custos API', version: VERSION, description: 'Monitoring, on-call and incident response with tamper-evident evidence.' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'custos_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  // Callback hooks: these run on every request, and an async hook costs a promise each time.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    runtime.metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    app.errorRate.record(reply.statusCode >= 500);
    if (reply.statusCode >= 500) request.log.warn({ method: request.method, route, status: reply.statusCode }, 'request failed');
    done();
  });

  registerSystemRoutes(app, runtime, options.runsJobs ?? true);
  await app.register(
    async (api) => {
      for (const m of runtime.modules) await m.plugins?.(api, runtime);
      for (const m of runtime.modules) await m.routes?.(api, runtime);
    },
    { prefix: '/api/v1' },
  );
  for (const m of runtime.modules) await m.rootRoutes?.(app, runtime);
  if (options.web !== false) await registerWeb(app, options.web);
  return app;
}
