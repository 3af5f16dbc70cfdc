import { recordAudit } from '../../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../../platform/context.ts';
import { iso } from './range.ts';
import { loadRetention } from './retention-settings.ts';
import type { Retention, UpdateRetentionInput } from './schemas.ts';
import { historyDb } from './store.ts';

/** Sets how long this organization keeps raw results and history; audited with before and after. */
export async function updateRetention({ ctx, input }: { ctx: Ctx; input: UpdateRetentionInput }): Promise<Retention> {
  assertCan(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const before = await loadRetention(tx.db, tx.orgId);
    const now = tx.clock.now();
    const row = { org_id: tx.orgId, raw_days: input.rawDays, history_days: input.historyDays, updated_at: now };
    await historyDb(tx.db)
      .insertInto('monitor_retention')
      .values(row)
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ raw_days: row.raw_days, history_days: row.history_days, updated_at: now }))
      .execute();
    await recordAudit(tx, {
      action: 'monitor_retention.update',
      subject: { type: 'organization', id: tx.orgId },
      data: { before: { rawDays: before.rawDays, historyDays: before.historyDays }, after: { rawDays: input.rawDays, historyDays: input.historyDays } },
    });
    return { rawDays: input.rawDays, historyDays: input.historyDays, updatedAt: iso(now) };
  });
}
