import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAlertRule } from '../create-alert-rule.ts';
import { createRelease } from '../create-release.ts';
import { deleteAlertRule } from '../delete-alert-rule.ts';
import { listAlertRules } from '../list-alert-rules.ts';
import { listArtifacts } from '../list-artifacts.ts';
import { listReleases } from '../list-releases.ts';
import { AlertRule, Artifact, CreateReleaseInput, ListArtifactsInput, ListReleasesInput, Release, UpdateAlertRuleInput } from '../schemas.ts';
import { updateAlertRule } from '../update-alert-rule.ts';
import { uploadSourcemaps } from '../upload-sourcemaps.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const RuleParams = IdParams.extend({ ruleId: z.string().min(1).max(64) });
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const tags = ['error tracking'];
/** Source maps of a large bundle are tens of megabytes, more once base64-encoded. */
export const SOURCEMAP_BODY_LIMIT = 100 * 1024 * 1024;

/** Releases, source maps and alert rules of a project. */
export function releaseRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/projects/:id/releases', { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: ListReleasesInput, response: { 200: page(Release) } } }, async (req) =>
    listReleases({ ctx: req.ctx, projectId: req.params.id, input: req.query }),
  );
  api.post('/projects/:id/releases', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: CreateReleaseInput, response: { 200: Release, 201: Release } } }, async (req, reply) => {
    const { release, created } = await createRelease({ ctx: req.ctx, projectId: req.params.id, input: req.body });
    return reply.status(created ? 201 : 200).send(release);
  });

  api.get('/projects/:id/sourcemaps', { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: ListArtifactsInput, response: { 200: page(Artifact) } } }, async (req) =>
    listArtifacts({ ctx: req.ctx, projectId: req.params.id, input: req.query }),
  );
  api.post(
    '/projects/:id/sourcemaps',
    {
      config: { policy: 'write' },
      bodyLimit: SOURCEMAP_BODY_LIMIT,
      schema: {
        tags,
        params: IdParams,
        description: 'JSON { release, dist?, files: [{ name (URL or ~/path), content (base64), debugId? }] }',
        response: { 201: z.object({ release: z.string().nullable(), dist: z.string().nullable(), files: z.array(Artifact) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await uploadSourcemaps({ ctx: req.ctx, projectId: req.params.id, input: req.body as never })),
  );

  api.get('/projects/:id/alert-rules', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: page(AlertRule) } } }, async (req) =>
    listAlertRules({ ctx: req.ctx, projectId: req.params.id }),
  );
  api.post('/projects/:id/alert-rules', { config: { policy: 'write' }, schema: { tags, params: IdParams, response: { 201: AlertRule } } }, async (req, reply) =>
    reply.status(201).send(await createAlertRule({ ctx: req.ctx, projectId: req.params.id, input: req.body as never })),
  );
  api.patch('/projects/:id/alert-rules/:ruleId', { config: { policy: 'write' }, schema: { tags, params: RuleParams, body: UpdateAlertRuleInput, response: { 200: AlertRule } } }, async (req) =>
    updateAlertRule({ ctx: req.ctx, projectId: req.params.id, ruleId: req.params.ruleId, input: req.body }),
  );
  api.delete('/projects/:id/alert-rules/:ruleId', { config: { policy: 'write' }, schema: { tags, params: RuleParams } }, async (req, reply) => {
    await deleteAlertRule({ ctx: req.ctx, projectId: req.params.id, ruleId: req.params.ruleId });
    return reply.status(204).send();
  });
}
