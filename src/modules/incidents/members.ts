import { listMembers, type Member } from '../auth/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';

export async function orgMembers(ctx: Ctx): Promise<Map<string, Member>> {
  const members = await listMembers({ ctx: { ...ctx, role: 'owner' } });
  return new Map(members.map((m) => [m.userId, m]));
}

/** Fails with one issue per id (at `path.i`) that is not a member of the organization. */
export async function assertMembers(ctx: Ctx, userIds: string[], path: string): Promise<void> {
  if (userIds.length === 0) return;
  const members = await orgMembers(ctx);
  const issues = userIds.flatMap((id, i) => (members.has(id) ? [] : [{ path: `${path}.${i}`, message: 'not a member of this organization' }]));
  if (issues.length > 0) throw new ValidationError(issues);
}
