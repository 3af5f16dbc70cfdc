import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { publicHolidays } from './public-holidays.ts';
import type { HolidaysTable } from './schema.ts';
import type { ImportHolidaysInput, ImportHolidaysResult } from './schemas.ts';
import { calendarDb, toHoliday } from './store.ts';

/** Adds a country's public holidays for the years; dates the calendar already has are kept as they are. */
export async function importHolidays({ ctx, input }: { ctx: Ctx; input: ImportHolidaysInput }): Promise<ImportHolidaysResult> {
  assertCan(ctx, 'admin');
  const found = publicHolidays(input.country, input.region, input.years);
  const source = `import:${input.country}${input.region ? `-${input.region}` : ''}`;
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const q = calendarDb(tx.db);
    const existing = new Set(
      found.length === 0 ? [] : (await q.selectFrom('holidays').select('date').where('org_id', '=', tx.orgId).where('date', 'in', found.map((h) => h.date)).execute()).map((r) => r.date),
    );
    const rows: HolidaysTable[] = found.filter((h) => !existing.has(h.date)).map((h) => ({ id: newId(now), org_id: tx.orgId, date: h.date, name: h.name, source, created_at: now }));
    if (rows.length > 0) await q.insertInto('holidays').values(rows).onConflict((oc) => oc.columns(['org_id', 'date']).doNothing()).execute();
    const result = { added: rows.map(toHoliday), skipped: found.filter((h) => existing.has(h.date)) };
    await recordAudit(tx, {
      action: 'holiday.import',
      subject: { type: 'business_calendar', id: tx.orgId },
      data: { country: input.country, region: input.region ?? null, years: input.years, added: rows.map((r) => r.date), skipped: result.skipped.map((h) => h.date) },
    });
    return result;
  });
}
