import { listMembers } from '../auth/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';

/** An action item's owner must be a member of the organization. */
export async function assertMember(ctx: Ctx, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const members = await listMembers({ ctx: { ...ctx, role: 'owner' } });
  if (!members.some((m) => m.userId === userId)) throw new ValidationError([{ path: 'ownerId', message: 'not a member of this organization' }]);
}
