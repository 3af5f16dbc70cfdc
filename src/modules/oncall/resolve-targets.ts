import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Target } from './escalation-schemas.ts';
import { orgMembers } from './members.ts';
import { whoIsOnCall } from './who-is-on-call.ts';

export interface ResolvedTarget {
  type: Target['type'];
  id: string;
  userIds: string[];
  problem?: string;
}

/** Who a step pages at `at`: its users, whoever is on call in its schedules then, and its channels. */
export async function resolveTargets(ctx: Ctx, targets: Target[], at: number): Promise<{ resolved: ResolvedTarget[]; userIds: string[]; channelIds: string[] }> {
  const members = await orgMembers(ctx);
  const resolved: ResolvedTarget[] = [];
  for (const t of targets) {
    if (t.type === 'channel') resolved.push({ type: t.type, id: t.id, userIds: [] });
    else if (t.type === 'user') resolved.push(members.has(t.id) ? { type: t.type, id: t.id, userIds: [t.id] } : { type: t.type, id: t.id, userIds: [], problem: 'no longer a member' });
    else {
      try {
        const onCall = await whoIsOnCall({ ctx, scheduleId: t.id, at });
        resolved.push({ type: t.type, id: t.id, userIds: onCall.user ? [onCall.user.id] : [], ...(onCall.user ? {} : { problem: 'nobody on call' }) });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'SCHEDULE_NOT_FOUND') throw err;
        resolved.push({ type: t.type, id: t.id, userIds: [], problem: 'schedule deleted' });
      }
    }
  }
  return {
    resolved,
    userIds: [...new Set(resolved.flatMap((r) => r.userIds))],
    channelIds: [...new Set(resolved.filter((r) => r.type === 'channel').map((r) => r.id))],
  };
}
