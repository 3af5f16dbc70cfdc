import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { listMembers, type Member } from '../auth/index.ts';

/** The organization's members by user id. Reading them is part of any on-call read, whatever the caller's role. */
export async function orgMembers(ctx: Ctx): Promise<Map<string, Member>> {
  const members = await listMembers({ ctx: { ...ctx, role: 'owner' } });
  return new Map(members.map((m) => [m.userId, m]));
}

/** Fails with one issue per id (at `path.i`) that is not a member of the organization. */
export async function assertMembers(ctx: Ctx, userIds: string[], path: string): Promise<void> {
  const members = await orgMembers(ctx);
  const issues = userIds.flatMap((id, i) => (members.has(id) ? [] : [{ path: `${path}.${i}`, message: 'not a member of this organization' }]));
  if (issues.length > 0) throw new ValidationError(issues);
}

export async function memberInOrg(ctx: Ctx, userId: string): Promise<Member> {
  const member = (await orgMembers(ctx)).get(userId);
  if (!member) throw new NotFoundError('Member', 'MEMBER_NOT_FOUND');
  return member;
}
