import { assertCan, type Ctx } from '../../platform/context.ts';
import type { Holiday, ListHolidaysInput } from './schemas.ts';
import { calendarDb, toHoliday } from './store.ts';

/** In date order. */
export async function listHolidays({ ctx, input }: { ctx: Ctx; input: ListHolidaysInput }): Promise<{ data: Holiday[]; nextCursor: null }> {
  assertCan(ctx, 'read');
  const rows = await calendarDb(ctx.db)
    .selectFrom('holidays')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(input.from !== undefined, (qb) => qb.where('date', '>=', input.from!))
    .$if(input.to !== undefined, (qb) => qb.where('date', '<=', input.to!))
    .orderBy('date')
    .execute();
  return { data: rows.map(toHoliday), nextCursor: null };
}
