import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../platform/runtime.ts';
import { addMember } from './add-member.ts';
import { changeMemberRole } from './change-member-role.ts';
import { createOrganization } from './create-org.ts';
import { createApiToken } from './create-token.ts';
import { clearSessionCookie, servicesOf, setSessionCookie } from './http-auth.ts';
import { listMembers } from './list-members.ts';
import { listOrganizations } from './list-orgs.ts';
import { listApiTokens } from './list-tokens.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { describeMe } from './me.ts';
import { removeMember } from './remove-member.ts';
import { revokeApiToken } from './revoke-token.ts';
import {
  AddMemberInput,
  ApiToken,
  ChangeRoleInput,
  CreatedToken,
  CreateOrgInput,
  CreateTokenInput,
  LoginInput,
  Me,
  Member,
  Org,
  SetupInput,
  Slug,
  UpdateOrgInput,
} from './schemas.ts';
import { completeSetup, isSetupNeeded } from './setup.ts';
import { switchOrganization } from './switch-org.ts';
import { updateOrganization } from './update-org.ts';
import { ForbiddenError } from '../../platform/errors.ts';

const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const UserIdParams = z.object({ userId: z.string().min(1).max(64) });
const IdParams = z.object({ id: z.string().min(1).max(64) });
const tags = (t: string) => [t];

export function authRoutes(app: FastifyInstance, runtime: Runtime): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const services = servicesOf(runtime);

  api.get('/setup', { config: { policy: 'public' }, schema: { tags: tags('auth'), response: { 200: z.object({ needed: z.boolean() }) } } }, async () => ({
    needed: await isSetupNeeded(services),
  }));

  api.post('/setup', { config: { policy: 'public' }, schema: { tags: tags('auth'), body: SetupInput } }, async (req, reply) => {
    await completeSetup({ services, input: req.body });
    const session = await login({ services, input: { email: req.body.email, password: req.body.password, org: req.body.orgSlug }, ip: req.ip });
    setSessionCookie(req, reply, session.sessionToken, session.expiresAt);
    return reply.status(201).send({ csrfToken: session.csrfToken, orgId: session.orgId, role: session.role });
  });

  api.post('/auth/login', { config: { policy: 'public' }, schema: { tags: tags('auth'), body: LoginInput } }, async (req, reply) => {
    const session = await login({ services, input: req.body, ip: req.ip });
    setSessionCookie(req, reply, session.sessionToken, session.expiresAt);
    return { csrfToken: session.csrfToken, orgId: session.orgId, role: session.role, expiresAt: new Date(session.expiresAt).toISOString() };
  });

  api.post('/auth/logout', { config: { policy: 'read' }, schema: { tags: tags('auth') } }, async (req, reply) => {
    await logout({ ctx: req.ctx, sessionId: req.auth!.sessionId });
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  api.get('/auth/me', { config: { policy: 'read' }, schema: { tags: tags('auth'), response: { 200: Me } } }, async (req) => describeMe({ ctx: req.ctx, auth: req.auth! }));

  api.post('/auth/switch', { config: { policy: 'read' }, schema: { tags: tags('auth'), body: z.object({ org: Slug }) } }, async (req) =>
    switchOrganization({ ctx: req.ctx, sessionId: req.auth!.sessionId, userId: req.auth!.userId, slug: req.body.org }),
  );

  api.get('/orgs', { config: { policy: 'read' }, schema: { tags: tags('orgs'), response: { 200: list(Org) } } }, async (req) => ({
    data: await listOrganizations({ ctx: req.ctx, userId: req.auth!.userId }),
    nextCursor: null,
  }));

  api.post('/orgs', { config: { policy: 'read' }, schema: { tags: tags('orgs'), body: CreateOrgInput, response: { 201: Org } } }, async (req, reply) => {
    if (!req.auth!.userId) throw new ForbiddenError('An API token cannot create organizations; log in as a user');
    return reply.status(201).send(await createOrganization({ ctx: req.ctx, input: req.body, userId: req.auth!.userId }));
  });

  api.get('/orgs/current', { config: { policy: 'read' }, schema: { tags: tags('orgs'), response: { 200: Org } } }, async (req) =>
    (await listOrganizations({ ctx: req.ctx, userId: req.auth!.userId })).find((o) => o.id === req.ctx.orgId)!,
  );

  api.patch('/orgs/current', { config: { policy: 'admin' }, schema: { tags: tags('orgs'), body: UpdateOrgInput, response: { 200: Org } } }, async (req) =>
    updateOrganization({ ctx: req.ctx, input: req.body }),
  );

  api.get('/members', { config: { policy: 'read' }, schema: { tags: tags('members'), response: { 200: list(Member) } } }, async (req) => ({
    data: await listMembers({ ctx: req.ctx }),
    nextCursor: null,
  }));

  api.post('/members', { config: { policy: 'admin' }, schema: { tags: tags('members'), body: AddMemberInput, response: { 201: Member } } }, async (req, reply) =>
    reply.status(201).send(await addMember({ ctx: req.ctx, input: req.body })),
  );

  api.patch(
    '/members/:userId',
    { config: { policy: 'admin' }, schema: { tags: tags('members'), params: UserIdParams, body: ChangeRoleInput, response: { 200: Member } } },
    async (req) => changeMemberRole({ ctx: req.ctx, userId: req.params.userId, input: req.body }),
  );

  api.delete('/members/:userId', { config: { policy: 'admin' }, schema: { tags: tags('members'), params: UserIdParams } }, async (req, reply) => {
    await removeMember({ ctx: req.ctx, userId: req.params.userId });
    return reply.status(204).send();
  });

  api.get('/tokens', { config: { policy: 'admin' }, schema: { tags: tags('tokens'), response: { 200: list(ApiToken) } } }, async (req) => ({
    data: await listApiTokens({ ctx: req.ctx }),
    nextCursor: null,
  }));

  api.post('/tokens', { config: { policy: 'admin' }, schema: { tags: tags('tokens'), body: CreateTokenInput, response: { 201: CreatedToken } } }, async (req, reply) =>
    reply.status(201).send(await createApiToken({ ctx: req.ctx, input: req.body })),
  );

  api.delete('/tokens/:id', { config: { policy: 'admin' }, schema: { tags: tags('tokens'), params: IdParams, response: { 200: ApiToken } } }, async (req) =>
    revokeApiToken({ ctx: req.ctx, id: req.params.id }),
  );
}
