import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, roleCan, type Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { authDb, countOwners } from './store.ts';

export async function removeMember({ ctx, userId }: { ctx: Ctx; userId: string }): Promise<void> {
  assertCan(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const q = authDb(tx.db);
    const current = await q.selectFrom('memberships').select('role').where('org_id', '=', tx.orgId).where('user_id', '=', userId).executeTakeFirst();
    if (!current) throw new NotFoundError('Member', 'MEMBER_NOT_FOUND');
    if (current.role === 'owner' && !roleCan(tx.role, 'owner')) throw new ForbiddenError('Only an owner can remove an owner');
    if (current.role === 'owner' && (await countOwners(tx.db, tx.dialect, tx.orgId)) <= 1) throw new ConflictError('An organization keeps at least one owner', 'LAST_OWNER');
    await q.deleteFrom('memberships').where('org_id', '=', tx.orgId).where('user_id', '=', userId).execute();
    await q.deleteFrom('sessions').where('user_id', '=', userId).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'member.remove', subject: { type: 'user', id: userId }, data: { role: current.role } });
  });
}
