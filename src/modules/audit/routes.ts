import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEvent, ListAuditEventsInput, listAuditEvents } from './list.ts';
import { verifyAuditChain } from './verify.ts';

const Verification = z.object({
  ok: z.boolean(),
  orgId: z.string(),
  checked: z.number(),
  headSeq: z.number(),
  lastHash: z.string(),
  firstBad: z.object({ seq: z.number(), reason: z.string(), detail: z.string() }).nullable(),
});

export function auditRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/audit/events',
    {
      config: { policy: 'audit' },
      schema: { tags: ['audit'], querystring: ListAuditEventsInput, response: { 200: z.object({ data: z.array(AuditEvent), nextCursor: z.string().nullable() }) } },
    },
    async (req) => listAuditEvents({ ctx: req.ctx, input: req.query }),
  );
  api.get(
    '/audit/verify',
    { config: { policy: 'audit' }, schema: { tags: ['audit'], response: { 200: Verification } } },
    async (req) => verifyAuditChain({ ctx: req.ctx }),
  );
}
