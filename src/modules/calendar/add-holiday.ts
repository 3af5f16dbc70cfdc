import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { HolidaysTable } from './schema.ts';
import type { AddHolidayInput, Holiday } from './schemas.ts';
import { calendarDb, toHoliday } from './store.ts';

export async function addHoliday({ ctx, input }: { ctx: Ctx; input: AddHolidayInput }): Promise<Holiday> {
  assertCan(ctx, 'admin');
  const now = ctx.clock.now();
  const row: HolidaysTable = { id: newId(now), org_id: ctx.orgId, date: input.date, name: input.name, source: 'manual', created_at: now };
  return inTransaction(ctx, async (tx) => {
    // The unique (org, date) constraint settles a race the insert loses: nothing inserted, 409.
    const inserted = await calendarDb(tx.db)
      .insertInto('holidays')
      .values(row)
      .onConflict((oc) => oc.columns(['org_id', 'date']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw new ConflictError(`There is already a holiday on ${input.date}`, 'HOLIDAY_EXISTS', { field: 'date' });
    await recordAudit(tx, { action: 'holiday.create', subject: { type: 'holiday', id: row.id }, data: { after: toHoliday(row) } });
    return toHoliday(row);
  });
}
