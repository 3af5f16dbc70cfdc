import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChannelDirectory } from '../channels.ts';
import { createEscalationPolicy } from '../create-escalation-policy.ts';
import { deleteEscalationPolicy } from '../delete-escalation-policy.ts';
import { CreatePolicyInput, EscalationPolicy, UpdatePolicyInput } from '../escalation-schemas.ts';
import { getEscalationPolicy } from '../get-escalation-policy.ts';
import { listEscalationPolicies } from '../list-escalation-policies.ts';
import { updateEscalationPolicy } from '../update-escalation-policy.ts';
import { Id, list, page } from './shared.ts';

const tags = ['on-call'];
const IdParams = z.object({ id: Id });

export function policyRoutes(app: FastifyInstance, channels: ChannelDirectory): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/escalation-policies', { config: { policy: 'read' }, schema: { tags, response: { 200: list(EscalationPolicy) } } }, async (req) => page(await listEscalationPolicies({ ctx: req.ctx })));
  api.post('/escalation-policies', { config: { policy: 'write' }, schema: { tags, body: CreatePolicyInput, response: { 201: EscalationPolicy } } }, async (req, reply) =>
    reply.status(201).send(await createEscalationPolicy({ ctx: req.ctx, input: req.body, channels })),
  );
  api.get('/escalation-policies/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: EscalationPolicy } } }, async (req) =>
    getEscalationPolicy({ ctx: req.ctx, id: req.params.id }),
  );
  api.patch('/escalation-policies/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: UpdatePolicyInput, response: { 200: EscalationPolicy } } }, async (req) =>
    updateEscalationPolicy({ ctx: req.ctx, id: req.params.id, input: req.body, channels }),
  );
  api.delete('/escalation-policies/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteEscalationPolicy({ ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
}
