import { assertCan, type Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { SchedulesTable } from './schema.ts';
import type { Schedule } from './schedule-schemas.ts';
import { findScheduleRow, layersOf, oncallDb, toSchedule } from './store.ts';

export async function getScheduleInOrg(ctx: Ctx, id: string): Promise<SchedulesTable> {
  const row = await findScheduleRow(ctx.db, ctx.orgId, id);
  if (!row) throw new NotFoundError('Schedule', 'SCHEDULE_NOT_FOUND');
  return row;
}

export async function assertScheduleNameFree(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  const clash = await oncallDb(ctx.db)
    .selectFrom('oncall_schedules')
    .select('id')
    .where('org_id', '=', ctx.orgId)
    .where('name', '=', name)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (clash) throw new ConflictError(`A schedule named "${name}" exists`, 'SCHEDULE_NAME_TAKEN');
}

export async function loadSchedule(ctx: Ctx, id: string): Promise<Schedule> {
  const row = await getScheduleInOrg(ctx, id);
  return toSchedule(row, await layersOf(ctx.db, ctx.orgId, [row.id]));
}

export async function getSchedule({ ctx, id }: { ctx: Ctx; id: string }): Promise<Schedule> {
  assertCan(ctx, 'read');
  return loadSchedule(ctx, id);
}
