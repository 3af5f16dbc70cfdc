import type { Ctx } from '../../platform/context.ts';
import type { NotificationRule } from './contact-schemas.ts';
import { rulesOf, toRule } from './contact-store.ts';
import { assertSelfOrAdmin } from './personal-access.ts';

/** In order of delay. */
export async function listNotificationRules({ ctx, userId }: { ctx: Ctx; userId: string }): Promise<NotificationRule[]> {
  await assertSelfOrAdmin(ctx, userId);
  return (await rulesOf(ctx, [userId])).map(toRule);
}
