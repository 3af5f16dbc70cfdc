import { assertCan, type Ctx } from '../../platform/context.ts';
import type { Org } from './schemas.ts';
import { authDb, orgsOfUser, toOrg } from './store.ts';

/** The organizations the caller can switch to (a token sees only its own). */
export async function listOrganizations({ ctx, userId }: { ctx: Ctx; userId: string | null }): Promise<Org[]> {
  assertCan(ctx, 'read');
  if (userId) return (await orgsOfUser(ctx.db, userId)).map((o) => toOrg(o, o.role));
  const row = await authDb(ctx.db).selectFrom('orgs').selectAll().where('id', '=', ctx.orgId).executeTakeFirstOrThrow();
  return [toOrg(row, ctx.role)];
}
