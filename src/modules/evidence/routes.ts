import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listSigningKeys } from './list-signing-keys.ts';
import { SigningKeys } from './schemas.ts';

const tags = ['evidence'];

export function evidenceRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/audit/keys', { config: { policy: 'read' }, schema: { tags, response: { 200: SigningKeys } } }, async (req) => listSigningKeys({ ctx: req.ctx }));
}
