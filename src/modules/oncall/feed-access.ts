import { assertCan, type Ctx } from '../../platform/context.ts';
import { getScheduleInOrg } from './get-schedule.ts';
import { memberInOrg } from './members.ts';
import type { FeedTokensTable } from './schema.ts';

/**
 * Who manages a feed's tokens: writers for a schedule's; for a person's, that person (any role)
 * or an admin. The target must exist in the organization either way.
 */
export async function assertFeedAccess(ctx: Ctx, kind: FeedTokensTable['kind'], targetId: string): Promise<void> {
  if (kind === 'schedule') {
    assertCan(ctx, 'write');
    await getScheduleInOrg(ctx, targetId);
    return;
  }
  assertCan(ctx, 'read');
  const self = ctx.actor.type === 'user' && ctx.actor.id === targetId;
  if (!self) assertCan(ctx, 'admin');
  await memberInOrg(ctx, targetId);
}

export const feedPath = (kind: FeedTokensTable['kind'], token: string) => `/ical/${kind === 'schedule' ? 'schedules' : 'users'}/${token}.ics`;
