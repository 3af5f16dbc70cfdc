import { assertCan, type Ctx } from '../../platform/context.ts';
import { DAY } from '../../platform/clock.ts';
import { getScheduleInOrg } from './get-schedule.ts';
import { orgMembers } from './members.ts';
import type { OnCall } from './schedule-schemas.ts';
import { timelinesOf } from './schedule-timeline.ts';

const LOOK = 31 * DAY;

/**
 * Who is on call in the schedule at `at` (now by default): the latest override covering it,
 * else the highest layer with someone then. At a handoff instant the incoming person is on call.
 */
export async function whoIsOnCall({ ctx, scheduleId, at }: { ctx: Ctx; scheduleId: string; at?: number }): Promise<OnCall> {
  assertCan(ctx, 'read');
  const when = at ?? ctx.clock.now();
  const schedule = await getScheduleInOrg(ctx, scheduleId);
  const members = await orgMembers(ctx);
  const segments = (await timelinesOf(ctx, [schedule], when - LOOK, when + LOOK, members)).get(schedule.id)!;
  const current = segments.find((s) => s.start <= when && when < s.end);
  const member = current ? members.get(current.userId)! : null;
  return {
    scheduleId,
    at: new Date(when).toISOString(),
    user: member ? { id: member.userId, name: member.name, email: member.email } : null,
    source: current?.source ?? null,
    since: current ? new Date(current.start).toISOString() : null,
    until: current ? new Date(current.end).toISOString() : null,
  };
}
