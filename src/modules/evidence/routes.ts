import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SecretBox } from '../../platform/crypto/index.ts';
import { createWitness } from './create-witness.ts';
import { deleteWitness } from './delete-witness.ts';
import { getEvidenceSettings, updateEvidenceSettings } from './evidence-settings.ts';
import { exportEvidencePack } from './export-pack.ts';
import { getIntegrity } from './get-integrity.ts';
import { listSigningKeys } from './list-signing-keys.ts';
import { listWitnesses } from './list-witnesses.ts';
import { CreateWitnessInput, DayRange, EvidenceSettings, Integrity, ResultsVerificationOut, SigningKeys, Witness } from './schemas.ts';
import { verifyResultsDigests } from './verify-results-digests.ts';

const tags = ['evidence'];
const Params = z.object({ id: z.string().min(1).max(64) });

export function evidenceRoutes(app: FastifyInstance, secrets: () => SecretBox): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/audit/keys', { config: { policy: 'read' }, schema: { tags, response: { 200: SigningKeys } } }, async (req) => listSigningKeys({ ctx: req.ctx }));
  api.get('/audit/integrity', { config: { policy: 'audit' }, schema: { tags, response: { 200: Integrity } } }, async (req) => getIntegrity({ ctx: req.ctx, secrets }));
  api.get('/evidence/results/verify', { config: { policy: 'audit' }, schema: { tags, querystring: DayRange, response: { 200: ResultsVerificationOut } } }, async (req) =>
    verifyResultsDigests({ ctx: req.ctx, from: Date.parse(req.query.from), to: Date.parse(req.query.to) }),
  );
  api.post('/evidence/packs', { config: { policy: 'audit' }, schema: { tags, body: DayRange, description: 'A signed evidence pack (tar) for the whole UTC days from..to' } }, async (req, reply) => {
    const pack = await exportEvidencePack({ ctx: req.ctx, input: req.body });
    return reply.header('content-type', 'application/x-tar').header('content-length', pack.bytes)
      .header('content-disposition', `attachment; filename="${pack.fileName}"`)
      .send(Readable.from(pack.chunks));
  });
  api.get('/evidence/settings', { config: { policy: 'audit' }, schema: { tags, response: { 200: EvidenceSettings } } }, async (req) => getEvidenceSettings({ ctx: req.ctx }));
  api.put('/evidence/settings', { config: { policy: 'admin' }, schema: { tags, body: EvidenceSettings, response: { 200: EvidenceSettings } } }, async (req) =>
    updateEvidenceSettings({ ctx: req.ctx, input: req.body }),
  );
  api.get('/evidence/witnesses', { config: { policy: 'audit' }, schema: { tags, response: { 200: z.object({ data: z.array(Witness), nextCursor: z.null() }) } } }, async (req) => ({
    data: await listWitnesses({ ctx: req.ctx, secrets }),
    nextCursor: null,
  }));
  api.post('/evidence/witnesses', { config: { policy: 'admin' }, schema: { tags, body: CreateWitnessInput, response: { 201: Witness } } }, async (req, reply) =>
    reply.status(201).send(await createWitness({ ctx: req.ctx, input: req.body, secrets })),
  );
  api.delete('/evidence/witnesses/:id', { config: { policy: 'admin' }, schema: { tags, params: Params } }, async (req, reply) => {
    await deleteWitness({ ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
}
