import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getSeverityPolicy } from '../get-severity-policy.ts';
import { SeverityPolicy, SeverityPolicyDocument } from '../policy-schemas.ts';
import { updateSeverityPolicy } from '../update-severity-policy.ts';
import { tags } from './shared.ts';

export function policyRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const path of ['/severity-policy', '/incidents/severity-policy']) {
    api.get(path, { config: { policy: 'read' }, schema: { tags, response: { 200: SeverityPolicy } } }, async (req) => getSeverityPolicy({ ctx: req.ctx }));
    api.put(path, { config: { policy: 'write' }, schema: { tags, body: SeverityPolicyDocument, response: { 200: SeverityPolicy } } }, async (req) =>
      updateSeverityPolicy({ ctx: req.ctx, input: req.body }),
    );
  }
}
