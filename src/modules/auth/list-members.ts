import { assertCan, type Ctx } from '../../platform/context.ts';
import { iso, type Member } from './schemas.ts';
import { authDb } from './store.ts';

export async function listMembers({ ctx }: { ctx: Ctx }): Promise<Member[]> {
  assertCan(ctx, 'read');
  const rows = await authDb(ctx.db)
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at', 'memberships.updated_at'])
    .where('memberships.org_id', '=', ctx.orgId)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: r.role, createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)! }));
}
