import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { addAlertEvent, alertsDb, findAlertRow, toAlert } from './store.ts';
import type { Alert } from './schemas.ts';

/**
 * Holds back notifications for a firing alert whose source went into maintenance; the alert keeps
 * its state and is flagged. The next firing or resolve from the source lifts the flag.
 */
export async function suppressAlert({ ctx, dedupKey, reason, at }: { ctx: Ctx; dedupKey: string; reason: string; at: number }): Promise<Alert | null> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const row = await findAlertRow(tx, { dedupKey }, true);
    if (!row || row.status !== 'firing' || row.suppressed === reason || at < Number(row.status_at)) return row ? toAlert(row) : null;
    const changes = { suppressed: reason, status_at: at, updated_at: tx.clock.now() };
    await alertsDb(tx.db).updateTable('alerts').set(changes).where('id', '=', row.id).execute();
    await addAlertEvent(tx, row, 'suppressed', { reason });
    return toAlert({ ...row, ...changes });
  });
}
