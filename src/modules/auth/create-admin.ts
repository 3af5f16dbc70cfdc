import { recordAudit } from '../audit/index.ts';
import type { Actor, Services } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { insertOrganization } from './create-org.ts';
import { hashPassword } from './password.ts';
import type { Org } from './schemas.ts';
import { authDb, findOrgBySlug, findUserByEmail, membershipRole, toOrg } from './store.ts';

export interface CreateAdminInput {
  email: string;
  password: string;
  name?: string;
  orgSlug: string;
  orgName?: string;
}

export interface CreatedAdmin {
  user: { id: string; email: string; name: string };
  org: Org;
  created: { user: boolean; org: boolean; membership: boolean };
}

export type NewUser = { email: string; name?: string; passwordHash: string };

export async function insertUser(db: Executor, now: number, input: NewUser) {
  const row = {
    id: newId(now),
    email: input.email.toLowerCase(),
    name: input.name?.trim() || input.email.split('@')[0],
    password_hash: input.passwordHash,
    created_at: now,
    updated_at: now,
  };
  await authDb(db).insertInto('users').values(row).execute();
  return row;
}

/**
 * Makes `email` an owner of the organization `orgSlug`, creating the user and the organization
 * when they do not exist. Idempotent: running it again changes nothing.
 */
export async function createAdmin({ services, actor, input }: { services: Services; actor: Actor; input: CreateAdminInput }): Promise<CreatedAdmin> {
  // Hash outside the transaction: scrypt takes ~100 ms, and SQLite's writer must not wait on it.
  const passwordHash = (await findUserByEmail(services.db, input.email)) ? null : await hashPassword(input.password);
  return services.db.transaction().execute(async (trx) => createAdminIn(services, trx, actor, input, passwordHash));
}

export async function createAdminIn(services: Omit<Services, 'db'>, trx: Executor, actor: Actor, input: CreateAdminInput, passwordHash: string | null): Promise<CreatedAdmin> {
  const now = services.clock.now();
  const created = { user: false, org: false, membership: false };
  let user = await findUserByEmail(trx, input.email);
  if (!user) {
    user = await insertUser(trx, now, { email: input.email, name: input.name, passwordHash: passwordHash ?? (await hashPassword(input.password)) });
    created.user = true;
  }
  let orgRow = await findOrgBySlug(trx, input.orgSlug);
  let org: Org;
  if (!orgRow) {
    const made = await insertOrganization(services, trx, actor, { slug: input.orgSlug, name: input.orgName ?? input.orgSlug }, user.id);
    if (created.user) await recordAudit(made.ctx, { action: 'user.create', subject: { type: 'user', id: user.id }, data: { email: user.email, name: user.name } });
    created.org = true;
    created.membership = true;
    org = made.org;
  } else {
    const role = await membershipRole(trx, orgRow.id, user.id);
    const ctx = { ...services, db: trx, orgId: orgRow.id, actor, role: 'owner' as const, requestId: actor.id };
    if (role !== 'owner') {
      if (role) {
        await authDb(trx).updateTable('memberships').set({ role: 'owner', updated_at: now }).where('org_id', '=', orgRow.id).where('user_id', '=', user.id).execute();
        await recordAudit(ctx, { action: 'member.role_change', subject: { type: 'user', id: user.id }, data: { before: { role }, after: { role: 'owner' } } });
      } else {
        await authDb(trx).insertInto('memberships').values({ org_id: orgRow.id, user_id: user.id, role: 'owner', created_at: now, updated_at: now }).execute();
        await recordAudit(ctx, { action: 'member.add', subject: { type: 'user', id: user.id }, data: { email: user.email, role: 'owner' } });
      }
      created.membership = true;
    }
    org = toOrg(orgRow, 'owner');
  }
  return { user: { id: user.id, email: user.email, name: user.name }, org, created };
}
