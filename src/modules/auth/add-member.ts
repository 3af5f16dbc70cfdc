import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, roleCan, type Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { insertUser } from './create-admin.ts';
import { hashPassword } from './password.ts';
import { iso, type AddMemberInput, type Member } from './schemas.ts';
import { authDb, findUserByEmail, membershipRole } from './store.ts';

/** Adds a user to the organization, creating the user (with the given password) when new. */
export async function addMember({ ctx, input }: { ctx: Ctx; input: AddMemberInput }): Promise<Member> {
  assertCan(ctx, 'admin');
  if (input.role === 'owner' && !roleCan(ctx.role, 'owner')) throw new ForbiddenError('Only an owner can add an owner');
  const known = await findUserByEmail(ctx.db, input.email);
  if (!known && !input.password) throw new ValidationError([{ path: 'password', message: 'required for a new user' }]);
  const passwordHash = known ? null : await hashPassword(input.password!);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const user = (await findUserByEmail(tx.db, input.email)) ?? (await insertUser(tx.db, now, { email: input.email, name: input.name, passwordHash: passwordHash! }));
    if (await membershipRole(tx.db, tx.orgId, user.id)) throw new ConflictError(`${input.email} is already a member`, 'MEMBER_EXISTS');
    await authDb(tx.db).insertInto('memberships').values({ org_id: tx.orgId, user_id: user.id, role: input.role, created_at: now, updated_at: now }).execute();
    await recordAudit(tx, { action: 'member.add', subject: { type: 'user', id: user.id }, data: { email: user.email, role: input.role } });
    return { userId: user.id, email: user.email, name: user.name, role: input.role, createdAt: iso(now)!, updatedAt: iso(now)! };
  });
}
