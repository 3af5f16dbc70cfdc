import type { FastifyInstance } from 'fastify';
import { addMember, createAdmin, createApiToken, findOrgBySlug, servicesOf, type Org } from '../../src/modules/auth/index.ts';
import { cliActor, serviceCtx, type Ctx, type Role } from '../../src/platform/context.ts';
import type { Runtime } from '../../src/platform/runtime.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface OrgWithOwner {
  org: Org;
  owner: TestUser;
  /** Acts in the organization with full rights, audited as the CLI. */
  ctx: Ctx;
}

export interface TestToken {
  id: string;
  token: string;
  headers: { authorization: string };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A context acting as the CLI operator (owner rights) in the organization `orgSlug`. */
export async function orgCtx(runtime: Runtime, orgSlug: string, role: Role = 'owner'): Promise<Ctx> {
  const services = servicesOf(runtime);
  const org = await findOrgBySlug(services.db, orgSlug);
  if (!org) throw new Error(`no organization ${orgSlug}`);
  return serviceCtx(services, org.id, cliActor(), role);
}

/**
 * Creates the organization with an owner through `custos admin create`'s verb. Reusing an
 * existing `email` skips the ~100 ms password hash.
 */
export async function createOrgWithOwner(runtime: Runtime, slug: string, options: { email?: string; password?: string } = {}): Promise<OrgWithOwner> {
  const email = options.email ?? `owner@${slug}.example.com`;
  const password = options.password ?? TEST_PASSWORD;
  const services = servicesOf(runtime);
  const made = await createAdmin({ services, actor: cliActor(), input: { email, password, orgSlug: slug } });
  return { org: made.org, owner: { id: made.user.id, email: made.user.email, password }, ctx: serviceCtx(services, made.org.id, cliActor(), 'owner') };
}

export async function createTokenFor(runtime: Runtime, orgSlug: string, role: Role, options: { name?: string; expiresInDays?: number } = {}): Promise<TestToken> {
  const ctx = await orgCtx(runtime, orgSlug);
  const created = await createApiToken({ ctx, input: { name: options.name ?? `${role} token`, role, expiresInDays: options.expiresInDays } });
  return { id: created.id, token: created.token, headers: bearer(created.token) };
}

/** Adds a member; a new email costs one password hash, an existing user none. */
export async function addMemberTo(runtime: Runtime, orgSlug: string, role: Role, email: string, password = TEST_PASSWORD): Promise<TestUser> {
  const ctx = await orgCtx(runtime, orgSlug);
  const member = await addMember({ ctx, input: { email, role, password } });
  return { id: member.userId, email: member.email, password };
}

export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated write (cookie + CSRF token). */
  writeHeaders: { cookie: string; 'x-csrf-token': string };
}

/** Logs in over HTTP and returns the session cookie and CSRF token; throws unless the login succeeds. */
export async function loginAs(app: FastifyInstance, user: { email: string; password: string }, org?: string): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password, ...(org ? { org } : {}) } });
  if (res.statusCode !== 200) throw new Error(`login of ${user.email} answered ${res.statusCode}: ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'custos_session');
  if (!session) throw new Error('login set no session cookie');
  const cookie = `custos_session=${session.value}`;
  const csrfToken: string = res.json().csrfToken;
  return { cookie, csrfToken, writeHeaders: { cookie, 'x-csrf-token': csrfToken } };
}
