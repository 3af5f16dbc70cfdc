import { assertCan, type Ctx } from '../../platform/context.ts';
import { DAY } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { getScheduleInOrg } from './get-schedule.ts';
import { orgMembers } from './members.ts';
import type { ListShiftsInput, Shift } from './schedule-schemas.ts';
import { timelinesOf, toShift } from './schedule-timeline.ts';

export const MAX_SHIFT_RANGE = 366 * DAY;

/** The schedule's final timeline in [from, to): who is on call when, after layers, restrictions and overrides. */
export async function listShifts({ ctx, scheduleId, input }: { ctx: Ctx; scheduleId: string; input: ListShiftsInput }): Promise<Shift[]> {
  assertCan(ctx, 'read');
  const from = input.from ? Date.parse(input.from) : ctx.clock.now();
  const to = input.to ? Date.parse(input.to) : from + 14 * DAY;
  if (to <= from) throw new ValidationError([{ path: 'to', message: 'must be after from' }]);
  if (to - from > MAX_SHIFT_RANGE) throw new ValidationError([{ path: 'to', message: 'at most 366 days after from' }]);
  const schedule = await getScheduleInOrg(ctx, scheduleId);
  const members = await orgMembers(ctx);
  const segments = (await timelinesOf(ctx, [schedule], from, to, members)).get(schedule.id)!;
  return segments.map((s) => toShift(s, members));
}
