import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Actor, type Ctx, type Services } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Executor } from '../../platform/db/index.ts';
import { authDb, findOrgBySlug, toOrg } from './store.ts';
import type { CreateOrgInput, Org } from './schemas.ts';

/**
 * Creates an organization and, when given, makes `ownerUserId` its owner. Runs in the caller's
 * transaction; the organization's chain starts with `org.create`.
 */
export async function insertOrganization(
  services: Omit<Services, 'db'>,
  db: Executor,
  actor: Actor,
  input: CreateOrgInput,
  ownerUserId: string | null,
): Promise<{ org: Org; ctx: Ctx }> {
  const now = services.clock.now();
  if (await findOrgBySlug(db, input.slug)) throw new ConflictError(`The slug ${input.slug} is taken`, 'ORG_SLUG_TAKEN', { field: 'slug' });
  const row = { id: newId(now), slug: input.slug, name: input.name, created_at: now, updated_at: now };
  await authDb(db).insertInto('orgs').values(row).execute();
  const ctx: Ctx = { ...services, db, orgId: row.id, actor, role: 'owner', requestId: actor.id };
  await recordAudit(ctx, { action: 'org.create', subject: { type: 'org', id: row.id }, data: { slug: row.slug, name: row.name } });
  if (ownerUserId) {
    await authDb(db).insertInto('memberships').values({ org_id: row.id, user_id: ownerUserId, role: 'owner', created_at: now, updated_at: now }).execute();
    await recordAudit(ctx, { action: 'member.add', subject: { type: 'user', id: ownerUserId }, data: { role: 'owner' } });
  }
  return { org: toOrg(row, ownerUserId ? 'owner' : null), ctx };
}

/** A signed-in user creates another organization and becomes its owner. */
export async function createOrganization({ ctx, input, userId }: { ctx: Ctx; input: CreateOrgInput; userId: string }): Promise<Org> {
  return inTransaction(ctx, async (tx) => (await insertOrganization(tx, tx.db, tx.actor, input, userId)).org);
}
