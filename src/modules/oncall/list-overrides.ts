import { assertCan, type Ctx } from '../../platform/context.ts';
import { getScheduleInOrg } from './get-schedule.ts';
import type { ListOverridesInput, Override } from './schedule-schemas.ts';
import { overridesOf, toOverride } from './store.ts';

/** Overrides overlapping [from, to): by default those not yet over. */
export async function listOverrides({ ctx, scheduleId, input }: { ctx: Ctx; scheduleId: string; input: ListOverridesInput }): Promise<Override[]> {
  assertCan(ctx, 'read');
  await getScheduleInOrg(ctx, scheduleId);
  const from = input.from ? Date.parse(input.from) : ctx.clock.now();
  const to = input.to ? Date.parse(input.to) : Number.MAX_SAFE_INTEGER;
  return (await overridesOf(ctx.db, ctx.orgId, [scheduleId], from, to)).map(toOverride);
}
