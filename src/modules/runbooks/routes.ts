import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { createRunbook } from './create-runbook.ts';
import { deleteRunbook } from './delete-runbook.ts';
import { getRunbookVersion } from './get-runbook-version.ts';
import { getRunbook } from './get-runbook.ts';
import { listRunbookVersions } from './list-runbook-versions.ts';
import { listRunbooks } from './list-runbooks.ts';
import { parseLabelPairs } from './match.ts';
import { matchRunbooks } from './match-runbooks.ts';
import { restoreRunbookVersion } from './restore-runbook-version.ts';
import {
  CreateRunbookInput,
  ListRunbooksInput,
  MatchRunbooksInput,
  Runbook,
  RunbookMatchResult,
  RunbookSummary,
  RunbookVersion,
  RunbookVersionSummary,
  UpdateRunbookInput,
} from './schemas.ts';
import { updateRunbook } from './update-runbook.ts';

const Id = z.string().min(1).max(64);
const Params = z.object({ id: Id });
const VersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1).max(1_000_000_000) });
const MatchQuery = z.object({
  labels: z
    .union([z.string().max(4000), z.array(z.string().max(4000)).max(64)])
    .describe('key=value pairs, comma-separated or repeated: labels=service=payments,domain=auth'),
});
const matches = z.object({ data: z.array(RunbookMatchResult), nextCursor: z.null() });
const tags = ['runbooks'];

export function runbookRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/runbooks', { config: { policy: 'read' }, schema: { tags, querystring: ListRunbooksInput, response: { 200: z.object({ data: z.array(RunbookSummary), nextCursor: z.string().nullable() }) } } }, async (req) =>
    listRunbooks({ ctx: req.ctx, input: req.query }),
  );

  api.post('/runbooks', { config: { policy: 'write' }, schema: { tags, body: CreateRunbookInput, response: { 201: Runbook } } }, async (req, reply) =>
    reply.status(201).send(await createRunbook({ ctx: req.ctx, input: req.body })),
  );

  api.get('/runbooks/match', { config: { policy: 'read' }, schema: { tags, querystring: MatchQuery, response: { 200: matches } } }, async (req) => {
    const { labels, bad } = parseLabelPairs([req.query.labels].flat());
    if (bad.length) throw new ValidationError(bad.map((b) => ({ path: 'labels', message: `use key=value (got ${b})` })));
    const input = MatchRunbooksInput.safeParse({ labels });
    if (!input.success) throw new ValidationError(fieldIssues(input.error.issues));
    return matchRunbooks({ ctx: req.ctx, input: input.data });
  });

  api.post('/runbooks/match', { config: { policy: 'read' }, schema: { tags, body: MatchRunbooksInput, response: { 200: matches } } }, async (req) =>
    matchRunbooks({ ctx: req.ctx, input: req.body }),
  );

  api.get('/runbooks/:id', { config: { policy: 'read' }, schema: { tags, params: Params, response: { 200: Runbook } } }, async (req) => getRunbook({ ctx: req.ctx, id: req.params.id }));

  api.patch('/runbooks/:id', { config: { policy: 'write' }, schema: { tags, params: Params, body: UpdateRunbookInput, response: { 200: Runbook } } }, async (req) =>
    updateRunbook({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  api.delete('/runbooks/:id', { config: { policy: 'write' }, schema: { tags, params: Params } }, async (req, reply) => {
    await deleteRunbook({ ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });

  api.get(
    '/runbooks/:id/versions',
    { config: { policy: 'read' }, schema: { tags, params: Params, response: { 200: z.object({ data: z.array(RunbookVersionSummary), nextCursor: z.null() }) } } },
    async (req) => listRunbookVersions({ ctx: req.ctx, id: req.params.id }),
  );

  api.get('/runbooks/:id/versions/:version', { config: { policy: 'read' }, schema: { tags, params: VersionParams, response: { 200: RunbookVersion } } }, async (req) =>
    getRunbookVersion({ ctx: req.ctx, id: req.params.id, version: req.params.version }),
  );

  api.post('/runbooks/:id/versions/:version/restore', { config: { policy: 'write' }, schema: { tags, params: VersionParams, response: { 200: Runbook } } }, async (req) =>
    restoreRunbookVersion({ ctx: req.ctx, id: req.params.id, version: req.params.version }),
  );
}
