import { assertCan, type Ctx } from '../../platform/context.ts';
import type { Schedule } from './schedule-schemas.ts';
import { layersOf, oncallDb, toSchedule } from './store.ts';

/** Every schedule of the organization with its layers, by name. */
export async function listSchedules({ ctx }: { ctx: Ctx }): Promise<Schedule[]> {
  assertCan(ctx, 'read');
  const rows = await oncallDb(ctx.db).selectFrom('oncall_schedules').selectAll().where('org_id', '=', ctx.orgId).orderBy('name').orderBy('id').execute();
  const layers = await layersOf(ctx.db, ctx.orgId, rows.map((r) => r.id));
  return rows.map((r) => toSchedule(r, layers.filter((l) => l.schedule_id === r.id)));
}
