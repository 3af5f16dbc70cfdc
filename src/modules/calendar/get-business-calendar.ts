import { assertCan, type Ctx } from '../../platform/context.ts';
import type { BusinessCalendar } from './schemas.ts';
import { readCalendarRow, toBusinessCalendar } from './store.ts';

export async function getBusinessCalendar({ ctx }: { ctx: Ctx }): Promise<BusinessCalendar> {
  assertCan(ctx, 'read');
  return toBusinessCalendar(await readCalendarRow(ctx));
}
