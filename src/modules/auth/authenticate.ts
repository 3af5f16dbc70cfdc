import type { Actor, Ctx, Role, Services } from '../../platform/context.ts';
import { AppError, UnauthorizedError } from '../../platform/errors.ts';
import { sha256 } from './secret-token.ts';
import { authDb, membershipRole } from './store.ts';

export interface Credentials {
  authorization?: string;
  sessionCookie?: string;
  csrfHeader?: string;
  /** Whether the request changes state (POST, PUT, PATCH, DELETE): cookie writes need the CSRF token. */
  unsafe: boolean;
  requestId: string;
}

export interface Authenticated {
  ctx: Ctx;
  userId: string | null;
  tokenId: string | null;
  sessionId: string | null;
  csrfToken: string | null;
}

const LAST_USED_GRANULARITY_MS = 60_000;

/** Resolves a bearer token or a session cookie to a context; null when neither is present. */
export async function authenticate(services: Services, creds: Credentials): Promise<Authenticated | null> {
  const now = services.clock.now();
  const q = authDb(services.db);
  const bearer = /^Bearer\s+(\S+)$/i.exec(creds.authorization ?? '')?.[1];
  if (creds.authorization && !bearer) throw new UnauthorizedError('The Authorization header must be "Bearer <token>"');
  if (bearer) {
    const token = await q.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256(bearer)).executeTakeFirst();
    if (!token || token.revoked_at !== null || (token.expires_at !== null && Number(token.expires_at) <= now)) {
      throw new UnauthorizedError('The API token is invalid, expired or revoked');
    }
    if (token.last_used_at === null || now - Number(token.last_used_at) > LAST_USED_GRANULARITY_MS) {
      await q.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
    }
    const actor: Actor = { type: 'apiToken', id: token.id, display: `token ${token.name}` };
    return { ctx: { ...services, orgId: token.org_id, actor, role: token.role, requestId: creds.requestId }, userId: null, tokenId: token.id, sessionId: null, csrfToken: null };
  }
  if (!creds.sessionCookie) return null;
  const sessionId = sha256(creds.sessionCookie);
  const session = await q
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.org_id', 'sessions.csrf_token', 'sessions.expires_at', 'users.id as user_id', 'users.email'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!session || Number(session.expires_at) <= now) throw new UnauthorizedError('The session has expired; log in again');
  if (creds.unsafe && creds.csrfHeader !== session.csrf_token) {
    throw new AppError('CSRF_TOKEN_INVALID', 'Missing or wrong x-csrf-token header for a cookie-authenticated write');
  }
  const role: Role | null = session.org_id ? await membershipRole(services.db, session.org_id, session.user_id) : null;
  if (!session.org_id || !role) throw new UnauthorizedError('You are no longer a member of this organization; log in again');
  const actor: Actor = { type: 'user', id: session.user_id, display: session.email };
  return {
    ctx: { ...services, orgId: session.org_id, actor, role, requestId: creds.requestId },
    userId: session.user_id,
    tokenId: null,
    sessionId: session.id,
    csrfToken: session.csrf_token,
  };
}
