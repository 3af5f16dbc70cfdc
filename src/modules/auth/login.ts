import { recordAudit, SYSTEM_CHAIN } from '../audit/index.ts';
import type { Actor, Ctx, Role, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { DECOY_HASH, verifyPassword } from './password.ts';
import type { LoginInput } from './schemas.ts';
import { newSessionToken } from './secret-token.ts';
import { authDb, findUserByEmail, orgsOfUser } from './store.ts';
import { chargeLoginAttempt, clearLoginFailures } from './throttle.ts';

export const SESSION_TTL_MS = 7 * 24 * 3600_000;

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: number;
  userId: string;
  orgId: string;
  role: Role;
}

async function auditFailure(services: Services, orgIds: string[], email: string, reason: string, ip: string) {
  const actor: Actor = { type: 'user', id: email, display: email };
  await services.db.transaction().execute(async (trx) => {
    for (const orgId of orgIds.length ? orgIds : [SYSTEM_CHAIN]) {
      const ctx: Ctx = { ...services, db: trx, orgId, actor, role: null, requestId: 'login' };
      await recordAudit(ctx, { action: 'auth.login_failed', subject: { type: 'user', id: email }, data: { reason, ip } });
    }
  });
}

/**
 * Checks a password behind a per-account throttle (keyed by email, so one account's attacker
 * never blocks another account) and opens a session. Every failure is audited.
 */
export async function login({ services, input, ip }: { services: Services; input: LoginInput; ip: string }): Promise<LoginResult> {
  const now = services.clock.now();
  const key = `login:${input.email}`;
  const user = await findUserByEmail(services.db, input.email);
  const orgs = user ? await orgsOfUser(services.db, user.id) : [];
  const orgIds = orgs.map((o) => o.id);

  const charge = await chargeLoginAttempt(services.db, key, now);
  if (!charge.allowed) {
    await auditFailure(services, orgIds, input.email, 'throttled', ip);
    throw new AppError('LOGIN_THROTTLED', 'Too many failed logins for this account; try again later', {
      details: { retryAfterSeconds: Math.ceil(charge.retryAfterMs / 1000) },
    });
  }
  const ok = await verifyPassword(input.password, user?.password_hash ?? DECOY_HASH);
  if (!user || !ok) {
    await auditFailure(services, orgIds, input.email, user ? 'wrong_password' : 'unknown_user', ip);
    throw new AppError('INVALID_CREDENTIALS', 'The email or password is wrong');
  }
  await clearLoginFailures(services.db, key, now);
  const chosen = input.org ? orgs.find((o) => o.slug === input.org) : orgs[0];
  if (!chosen) {
    await auditFailure(services, orgIds, input.email, input.org ? 'not_a_member' : 'no_organization', ip);
    throw new AppError('INVALID_CREDENTIALS', input.org ? `You are not a member of ${input.org}` : 'This user belongs to no organization');
  }
  const session = newSessionToken();
  const expiresAt = now + SESSION_TTL_MS;
  await services.db.transaction().execute(async (trx) => {
    await authDb(trx)
      .insertInto('sessions')
      .values({ id: session.hash, user_id: user.id, org_id: chosen.id, csrf_token: session.csrf, created_at: now, expires_at: expiresAt, last_seen_at: now })
      .execute();
    const ctx: Ctx = { ...services, db: trx, orgId: chosen.id, actor: { type: 'user', id: user.id, display: user.email }, role: chosen.role, requestId: 'login' };
    await recordAudit(ctx, { action: 'auth.login', subject: { type: 'user', id: user.id }, data: { ip } });
  });
  return { sessionToken: session.token, csrfToken: session.csrf, expiresAt, userId: user.id, orgId: chosen.id, role: chosen.role };
}
