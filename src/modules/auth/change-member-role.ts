import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, roleCan, type Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { ChangeRoleInput, Member } from './schemas.ts';
import { authDb, countOwners } from './store.ts';
import { listMembers } from './list-members.ts';

export async function changeMemberRole({ ctx, userId, input }: { ctx: Ctx; userId: string; input: ChangeRoleInput }): Promise<Member> {
  assertCan(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const q = authDb(tx.db);
    const current = await q.selectFrom('memberships').select('role').where('org_id', '=', tx.orgId).where('user_id', '=', userId).executeTakeFirst();
    if (!current) throw new NotFoundError('Member', 'MEMBER_NOT_FOUND');
    if ((current.role === 'owner' || input.role === 'owner') && !roleCan(tx.role, 'owner')) throw new ForbiddenError('Only an owner can grant or take ownership');
    if (current.role === 'owner' && input.role !== 'owner' && (await countOwners(tx.db, tx.dialect, tx.orgId)) <= 1) {
      throw new ConflictError('An organization keeps at least one owner', 'LAST_OWNER');
    }
    if (current.role !== input.role) {
      await q.updateTable('memberships').set({ role: input.role, updated_at: tx.clock.now() }).where('org_id', '=', tx.orgId).where('user_id', '=', userId).execute();
      await recordAudit(tx, { action: 'member.role_change', subject: { type: 'user', id: userId }, data: { before: { role: current.role }, after: { role: input.role } } });
    }
    return (await listMembers({ ctx: tx })).find((m) => m.userId === userId)!;
  });
}
