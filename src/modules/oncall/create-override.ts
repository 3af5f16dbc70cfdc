import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { DAY } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getScheduleInOrg } from './get-schedule.ts';
import { orgMembers } from './members.ts';
import type { OverridesTable } from './schema.ts';
import type { CreateOverrideInput, Override } from './schedule-schemas.ts';
import { oncallDb, toOverride } from './store.ts';

/** Puts `userId` on call for [start, end) over every layer; responders may swap shifts. */
export async function createOverride({ ctx, scheduleId, input }: { ctx: Ctx; scheduleId: string; input: CreateOverrideInput }): Promise<Override> {
  assertCan(ctx, 'respond');
  await getScheduleInOrg(ctx, scheduleId);
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  const issues = [];
  if (end <= start) issues.push({ path: 'end', message: 'must be after start' });
  else if (end - start > 366 * DAY) issues.push({ path: 'end', message: 'an override lasts at most 366 days' });
  if (!(await orgMembers(ctx)).has(input.userId)) issues.push({ path: 'userId', message: 'not a member of this organization' });
  if (issues.length > 0) throw new ValidationError(issues);
  return inTransaction(ctx, async (tx) => {
    await getScheduleInOrg(tx, scheduleId);
    const now = tx.clock.now();
    const row: OverridesTable = { id: newId(now), org_id: tx.orgId, schedule_id: scheduleId, user_id: input.userId, start_at: start, end_at: end, note: input.note ?? null, created_by: tx.actor.display, created_at: now };
    await oncallDb(tx.db).insertInto('oncall_overrides').values(row).execute();
    const override = toOverride(row);
    await recordAudit(tx, { action: 'override.create', subject: { type: 'override', id: row.id }, data: { scheduleId, after: override } });
    return override;
  });
}
