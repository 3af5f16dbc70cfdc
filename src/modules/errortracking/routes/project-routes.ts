import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SecretBox } from '../../../platform/crypto/index.ts';
import type { GroupingConfigs } from '../grouping/index.ts';
import { createKey } from '../create-key.ts';
import { createProject } from '../create-project.ts';
import { getOutcomes } from '../get-outcomes.ts';
import { getProject } from '../get-project.ts';
import { getScrubReport } from '../get-scrub-report.ts';
import { listKeys } from '../list-keys.ts';
import { listProjects } from '../list-projects.ts';
import { revokeKey } from '../revoke-key.ts';
import { rotateKey } from '../rotate-key.ts';
import {
  CreateKeyInput,
  CreateProjectInput,
  ListProjectsInput,
  OutcomesInput,
  OutcomesReport,
  Project,
  ProjectKey,
  RotateKeyInput,
  ScrubReport,
  UpdateKeyInput,
  UpdateProjectInput,
} from '../schemas.ts';
import { updateKey } from '../update-key.ts';
import { updateProject } from '../update-project.ts';
import { baseUrlOf } from './base-url.ts';

export interface ProjectRoutesOptions {
  publicUrl: string | undefined;
  secrets: () => SecretBox;
  grouping: GroupingConfigs;
  /** Called after a change to keys or projects, so ingest forgets what it cached. */
  onChange: () => void;
}

const IdParams = z.object({ id: z.string().min(1).max(64) });
const KeyParams = IdParams.extend({ keyId: z.string().min(1).max(64) });
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const tags = ['error tracking'];

export function projectRoutes(app: FastifyInstance, o: ProjectRoutesOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (req: FastifyRequest) => ({ baseUrl: baseUrlOf(req, o.publicUrl), secrets: o.secrets, grouping: o.grouping });
  const changed = <T>(value: T): T => {
    o.onChange();
    return value;
  };

  api.get('/projects', { config: { policy: 'read' }, schema: { tags, querystring: ListProjectsInput, response: { 200: page(Project) } } }, async (req) =>
    listProjects({ ctx: req.ctx, input: req.query, deps: deps(req) }),
  );
  api.post('/projects', { config: { policy: 'write' }, schema: { tags, body: CreateProjectInput, response: { 201: Project } } }, async (req, reply) =>
    reply.status(201).send(changed(await createProject({ ctx: req.ctx, input: req.body, deps: deps(req) }))),
  );
  api.get('/projects/:id', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: Project } } }, async (req) =>
    getProject({ ctx: req.ctx, id: req.params.id, deps: deps(req) }),
  );
  api.patch('/projects/:id', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: UpdateProjectInput, response: { 200: Project } } }, async (req) =>
    changed(await updateProject({ ctx: req.ctx, id: req.params.id, input: req.body, deps: deps(req) })),
  );

  api.get('/projects/:id/keys', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: page(ProjectKey) } } }, async (req) =>
    listKeys({ ctx: req.ctx, projectId: req.params.id, deps: deps(req) }),
  );
  api.post('/projects/:id/keys', { config: { policy: 'write' }, schema: { tags, params: IdParams, body: CreateKeyInput, response: { 201: ProjectKey } } }, async (req, reply) =>
    reply.status(201).send(changed(await createKey({ ctx: req.ctx, projectId: req.params.id, input: req.body, deps: deps(req) }))),
  );
  api.patch('/projects/:id/keys/:keyId', { config: { policy: 'write' }, schema: { tags, params: KeyParams, body: UpdateKeyInput, response: { 200: ProjectKey } } }, async (req) =>
    changed(await updateKey({ ctx: req.ctx, projectId: req.params.id, keyId: req.params.keyId, input: req.body, deps: deps(req) })),
  );
  api.post('/projects/:id/keys/:keyId/rotate', { config: { policy: 'write' }, schema: { tags, params: KeyParams, body: RotateKeyInput.optional(), response: { 201: ProjectKey } } }, async (req, reply) =>
    reply.status(201).send(changed(await rotateKey({ ctx: req.ctx, projectId: req.params.id, keyId: req.params.keyId, input: RotateKeyInput.parse(req.body ?? {}), deps: deps(req) }))),
  );
  api.post('/projects/:id/keys/:keyId/revoke', { config: { policy: 'write' }, schema: { tags, params: KeyParams, response: { 200: ProjectKey } } }, async (req) =>
    changed(await revokeKey({ ctx: req.ctx, projectId: req.params.id, keyId: req.params.keyId, deps: deps(req) })),
  );

  api.get('/projects/:id/outcomes', { config: { policy: 'read' }, schema: { tags, params: IdParams, querystring: OutcomesInput, response: { 200: OutcomesReport } } }, async (req) =>
    getOutcomes({ ctx: req.ctx, projectId: req.params.id, input: req.query }),
  );
  api.get('/projects/:id/scrub-report', { config: { policy: 'read' }, schema: { tags, params: IdParams, response: { 200: ScrubReport } } }, async (req) =>
    getScrubReport({ ctx: req.ctx, projectId: req.params.id }),
  );
}
