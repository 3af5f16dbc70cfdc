import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getHeartbeat } from './get-heartbeat.ts';
import { getPingKey } from './get-ping-key.ts';
import { listHeartbeats } from './list-heartbeats.ts';
import { rotatePingKey } from './rotate-ping-key.ts';
import { CreatedPingKey, Heartbeat, ListHeartbeatsInput, PingKeyStatus } from './schemas.ts';

const tags = ['heartbeats'];
const Params = z.object({ monitorId: z.string().min(1).max(64) });

/** Ping URLs point at the configured public URL, else at the host the caller used. */
function baseUrlOf(req: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}

export function heartbeatRoutes(app: FastifyInstance, publicUrl: string | undefined): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/heartbeats',
    { config: { policy: 'read' }, schema: { tags, querystring: ListHeartbeatsInput, response: { 200: z.object({ data: z.array(Heartbeat), nextCursor: z.string().nullable() }) } } },
    async (req) => listHeartbeats({ ctx: req.ctx, input: req.query, baseUrl: baseUrlOf(req, publicUrl) }),
  );

  api.get('/heartbeats/ping-key', { config: { policy: 'admin' }, schema: { tags, response: { 200: PingKeyStatus } } }, async (req) => getPingKey({ ctx: req.ctx }));

  api.post('/heartbeats/ping-key', { config: { policy: 'admin' }, schema: { tags, response: { 201: CreatedPingKey } } }, async (req, reply) =>
    reply.status(201).send(await rotatePingKey({ ctx: req.ctx })),
  );

  api.get('/heartbeats/:monitorId', { config: { policy: 'read' }, schema: { tags, params: Params, response: { 200: Heartbeat } } }, async (req) =>
    getHeartbeat({ ctx: req.ctx, monitorId: req.params.monitorId, baseUrl: baseUrlOf(req, publicUrl) }),
  );
}
