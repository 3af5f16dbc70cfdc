import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assertCan } from '../../platform/context.ts';
import { UnauthorizedError } from '../../platform/errors.ts';
import { servicesOf, type Runtime } from '../../platform/runtime.ts';
import { authenticate, type Authenticated } from './authenticate.ts';

export const SESSION_COOKIE = 'custos_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

export { servicesOf } from '../../platform/runtime.ts';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Authenticates every /api/v1 request and enforces the route's declared policy. A route
 * registered without a policy fails app start, so no route is left open by accident.
 */
export async function authPlugin(api: FastifyInstance, runtime: Runtime): Promise<void> {
  const services = servicesOf(runtime);
  await api.register(cookie);
  api.decorateRequest('auth', null);
  api.addHook('onRoute', (route) => {
    if (!route.config?.policy) throw new Error(`route ${String(route.method)} ${route.url} declares no policy (config.policy)`);
  });
  api.addHook('onRequest', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (!policy) return;
    const creds = {
      authorization: request.headers.authorization,
      sessionCookie: request.cookies[SESSION_COOKIE],
      csrfHeader: typeof request.headers['x-csrf-token'] === 'string' ? request.headers['x-csrf-token'] : undefined,
      unsafe: UNSAFE.has(request.method),
      requestId: request.id,
    };
    if (policy === 'public') {
      request.auth = await authenticate(services, creds).catch(() => null);
      if (request.auth) request.ctx = request.auth.ctx;
      return;
    }
    const auth = await authenticate(services, creds);
    if (!auth) throw new UnauthorizedError('Log in, or send Authorization: Bearer <token>');
    request.auth = auth;
    request.ctx = auth.ctx;
    assertCan(auth.ctx, policy);
  });
}
