import type { Ctx, Policy } from '../platform/context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api/v1 route declares one; a route without it fails app start. */
    policy?: Policy;
  }
  interface FastifyRequest {
    /** Set for authenticated requests; routes with a non-public policy can rely on it. */
    ctx: Ctx;
  }
}
