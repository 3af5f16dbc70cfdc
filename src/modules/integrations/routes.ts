import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createIntegration } from './create-integration.ts';
import { deleteIntegration } from './delete-integration.ts';
import type { IntegrationDeps } from './deps.ts';
import { getIntegration } from './get-integration.ts';
import { listDeliveries } from './list-deliveries.ts';
import { listIntegrationTypes } from './list-integration-types.ts';
import { listIntegrations } from './list-integrations.ts';
import { rotateIntegrationToken } from './rotate-integration-token.ts';
import { CreatedIntegration, CreateIntegrationInput, Delivery, Integration, IntegrationTypeInfo, ListDeliveriesInput, ListIntegrationsInput, UpdateIntegrationInput } from './schemas.ts';
import { updateIntegration } from './update-integration.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['integrations'];
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** Hook URLs point at the configured public URL, else at the host the caller used. */
const baseUrlOf = (req: FastifyRequest, publicUrl: string | undefined) => (publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

export function integrationRoutes(app: FastifyInstance, deps: IntegrationDeps, publicUrl: string | undefined): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/integration-types', { config: { policy: 'read' }, schema: { tags, response: { 200: z.object({ data: z.array(IntegrationTypeInfo) }) } } }, async (req) => ({
    data: listIntegrationTypes({ ctx: req.ctx, deps }),
  }));

  api.get('/integrations', { config: { policy: 'read' }, schema: { tags, querystring: ListIntegrationsInput, response: { 200: page(Integration) } } }, async (req) =>
    listIntegrations({ ctx: req.ctx, input: req.query, deps }),
  );

  api.post('/integrations', { config: { policy: 'write' }, schema: { tags, body: CreateIntegrationInput, response: { 201: CreatedIntegration } } }, async (req, reply) =>
    reply.status(201).send(await createIntegration({ ctx: req.ctx, input: req.body, deps, baseUrl: baseUrlOf(req, publicUrl) })),
  );

  api.get('/integrations/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: Integration } } }, async (req) =>
    getIntegration({ ctx: req.ctx, id: req.params.id, deps }),
  );

  api.patch('/integrations/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: UpdateIntegrationInput, response: { 200: Integration } } }, async (req) =>
    updateIntegration({ ctx: req.ctx, id: req.params.id, input: req.body, deps }),
  );

  api.delete('/integrations/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteIntegration({ ctx: req.ctx, id: req.params.id, deps });
    return reply.status(204).send();
  });

  api.post('/integrations/:id/rotate-token', { config: { policy: 'write' }, schema: { tags, params: IdParams, response: { 200: CreatedIntegration } } }, async (req) =>
    rotateIntegrationToken({ ctx: req.ctx, id: req.params.id, deps, baseUrl: baseUrlOf(req, publicUrl) }),
  );

  api.get(
    '/integrations/:id/deliveries',
    { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: ListDeliveriesInput, response: { 200: page(Delivery) } } },
    async (req) => listDeliveries({ ctx: req.ctx, id: req.params.id, input: req.query }),
  );
}
