import type { Dialect, Executor } from '../../platform/db/index.ts';
import type { ApiTokensTable, AuthTables, OrgsTable } from './schema.ts';
import { iso, type ApiToken, type Org } from './schemas.ts';
import type { Role } from '../../platform/context.ts';

export const authDb = (db: Executor) => db.withTables<AuthTables>();

export function toOrg(row: OrgsTable, role: Role | null): Org {
  return { id: row.id, slug: row.slug, name: row.name, role, createdAt: iso(row.created_at)!, updatedAt: iso(row.updated_at)! };
}

export function toApiToken(row: ApiTokensTable): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  };
}

export async function findOrgBySlug(db: Executor, slug: string) {
  return authDb(db).selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findUserByEmail(db: Executor, email: string) {
  return authDb(db).selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function orgsOfUser(db: Executor, userId: string) {
  return authDb(db)
    .selectFrom('memberships')
    .innerJoin('orgs', 'orgs.id', 'memberships.org_id')
    .selectAll('orgs')
    .select('memberships.role')
    .where('memberships.user_id', '=', userId)
    .orderBy('orgs.slug')
    .execute();
}

export async function membershipRole(db: Executor, orgId: string, userId: string): Promise<Role | null> {
  const row = await authDb(db).selectFrom('memberships').select('role').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
  return row?.role ?? null;
}

/**
 * Counts the organization's owners. On PostgreSQL it locks their rows, so two transactions
 * demoting or removing different owners at once cannot both see the other one still there.
 */
export async function countOwners(db: Executor, dialect: Dialect, orgId: string): Promise<number> {
  const owners = await authDb(db)
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .orderBy('user_id')
    .$if(dialect === 'postgres', (qb) => qb.forUpdate())
    .execute();
  return owners.length;
}
