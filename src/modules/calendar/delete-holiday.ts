import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { calendarDb, getHolidayOn, toHoliday } from './store.ts';

export async function deleteHoliday({ ctx, date }: { ctx: Ctx; date: string }): Promise<void> {
  assertCan(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const before = await getHolidayOn(tx, date);
    await calendarDb(tx.db).deleteFrom('holidays').where('org_id', '=', tx.orgId).where('id', '=', before.id).execute();
    await recordAudit(tx, { action: 'holiday.delete', subject: { type: 'holiday', id: before.id }, data: { before: toHoliday(before) } });
  });
}
