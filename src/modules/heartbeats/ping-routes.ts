import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../platform/context.ts';
import type { GroupCommit } from '../../platform/group-commit.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { MONITORS_CHANGED, PUSH_TOKEN, type ProbeRegistry } from '../monitors/index.ts';
import type { HeartbeatSync } from './heartbeat-sync.ts';
import { lazyRequestLogger } from './lazy-request-logger.ts';
import { parsePingUrl, parseRid, type PingAction } from './ping-url.ts';
import type { PingRequest, PingResult } from './record-pings.ts';
import { resolveSlug } from './resolve-slug.ts';

export const DEFAULT_BODY_LIMIT = 10_000;

export interface PingRoutesDeps {
  runtime: Runtime;
  probes: ProbeRegistry;
  batcher: GroupCommit<PingRequest, PingResult>;
  sync: HeartbeatSync;
}

type Query = Record<string, string | undefined>;

function text(reply: FastifyReply, status: number, body: string, bodyLimit = DEFAULT_BODY_LIMIT): FastifyReply {
  return reply.status(status).header('ping-body-limit', String(bodyLimit)).header('access-control-allow-origin', '*').type('text/plain; charset=utf-8').send(body);
}

function requestFields(req: FastifyRequest, at: number) {
  const ua = req.headers['user-agent'];
  return { at, method: req.method, remoteAddr: req.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null, body: Buffer.isBuffer(req.body) ? req.body : null };
}

async function submit(deps: PingRoutesDeps, req: FastifyRequest, ping: PingRequest): Promise<PingResult | null> {
  try {
    return await deps.batcher.submit(ping);
  } catch (err) {
    req.log.error({ err }, 'ping could not be stored');
    return null;
  }
}

async function healthchecksPing(deps: PingRoutesDeps, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const at = deps.runtime.clock.now();
  const params = req.params as { a: string; b?: string; c?: string };
  const query = req.query as Query;
  const parsed = parsePingUrl([params.a, params.b, params.c].filter((s): s is string => s !== undefined));
  if (!parsed.ok) return text(reply, parsed.status, parsed.message);
  const rid = parseRid(query.rid);
  if (!rid.ok) return text(reply, 400, 'invalid url format');
  const base = { ...requestFields(req, at), ...actionFields(parsed.action), rid: rid.rid, latencyMs: null };
  let created = false;
  let target: PingRequest['target'];
  if ('pingId' in parsed.target) target = parsed.target;
  else {
    const services: Services = deps.runtime;
    const found = await resolveSlug({ services, probes: deps.probes, key: parsed.target.key, slug: parsed.target.slug, create: query.create === '1', synced: () => deps.sync.idle() });
    if (found.status === 'ambiguous') return text(reply, 409, 'ambiguous slug');
    if (found.status === 'not_found') return text(reply, 404, 'not found');
    created = found.status === 'created';
    if (created) deps.runtime.bus.publish(MONITORS_CHANGED, null);
    target = { monitorId: found.monitorId };
  }
  const result = await submit(deps, req, { ...base, target, source: 'pingId' in target ? 'uuid' : 'slug' });
  if (result === null) return text(reply, 503, 'service unavailable');
  if (!result.found) return text(reply, 404, 'not found');
  return text(reply, created ? 201 : 200, created ? 'Created' : 'OK', result.bodyLimit);
}

const actionFields = (a: PingAction) => ({ kind: a.kind, filterable: a.filterable, exitStatus: a.exitStatus });

/** Uptime Kuma's push URL, answered the way Uptime Kuma answers it. */
async function kumaPush(deps: PingRoutesDeps, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const at = deps.runtime.clock.now();
  const { token } = req.params as { token: string };
  const query = req.query as Query;
  const notFound = () => reply.status(404).send({ ok: false, msg: 'Monitor not found or not active.' });
  if (!PUSH_TOKEN.test(token)) return notFound();
  const status = query.status ?? 'up';
  if (status !== 'up' && status !== 'down') return reply.status(400).send({ ok: false, msg: 'status must be up or down' });
  const latency = query.ping === undefined || query.ping === '' ? null : Number(query.ping);
  const msg = query.msg ?? '';
  const result = await submit(deps, req, {
    ...requestFields(req, at),
    target: { pushToken: token },
    kind: status === 'up' ? 'success' : 'fail',
    filterable: false,
    exitStatus: null,
    rid: null,
    latencyMs: latency !== null && Number.isFinite(latency) && latency >= 0 ? latency : null,
    body: msg === '' ? null : Buffer.from(msg),
    source: 'push',
  });
  if (result === null) return reply.status(503).send({ ok: false, msg: 'service unavailable' });
  return result.found ? reply.send({ ok: true }) : notFound();
}

/**
 * Root routes with no authentication (the uuid, ping key or push token is the secret). Any body
 * of any content type is accepted and kept up to the heartbeat's limit.
 */
export async function pingRoutes(app: FastifyInstance, deps: PingRoutesDeps): Promise<void> {
  const hc = (req: FastifyRequest, reply: FastifyReply) => healthchecksPing(deps, req, reply);
  await app.register(async (scope) => {
    scope.setChildLoggerFactory(lazyRequestLogger);
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    for (const url of ['/ping/:a', '/ping/:a/:b', '/ping/:a/:b/:c']) {
      scope.route({ method: ['GET', 'POST'], url, config: { policy: 'public' }, helmet: false, handler: hc });
    }
    scope.route({ method: ['GET', 'POST'], url: '/api/push/:token', config: { policy: 'public' }, helmet: false, handler: (req, reply) => kumaPush(deps, req, reply) });
  });
}
