import { assertCan, type Ctx } from '../../platform/context.ts';
import { memberInOrg } from './members.ts';

/** Everyone edits their own contact methods and rules; admins edit anyone's in their organization. */
export async function assertSelfOrAdmin(ctx: Ctx, userId: string): Promise<void> {
  assertCan(ctx, 'read');
  if (!(ctx.actor.type === 'user' && ctx.actor.id === userId)) assertCan(ctx, 'admin');
  await memberInOrg(ctx, userId);
}
