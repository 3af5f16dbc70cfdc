import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { fieldIssues, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { alertsMutedBy, requestFlushForAlerts } from './flush-schedule.ts';
import type { AlertsTable } from './schema.ts';
import { ResolveAlertInput, type Alert } from './schemas.ts';
import { addAlertEvent, alertsDb, canonical, findAlertRow, isPerson, toAlert } from './store.ts';

export interface ResolveResult {
  alert: Alert;
  outcome: 'resolved' | 'unchanged' | 'stale';
}

/**
 * Resolves a firing alert, named by id or dedup key. Its groups flush at their next tick (the
 * resolved notification), and alerts it inhibited are looked at again. Audited when a person acts.
 */
export async function resolveAlert({ ctx, input }: { ctx: Ctx; input: ResolveAlertInput }): Promise<ResolveResult> {
  assertCan(ctx, 'respond');
  const parsed = ResolveAlertInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const i = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const row = await findAlertRow(tx, i.id !== undefined ? { id: i.id } : { dedupKey: i.dedupKey! }, true);
    if (!row) throw new NotFoundError('Alert', 'ALERT_NOT_FOUND');
    const now = tx.clock.now();
    const at = i.at ?? now;
    if (row.status === 'resolved') return { alert: toAlert(row), outcome: 'unchanged' };
    if (at < Number(row.status_at)) return { alert: toAlert(row), outcome: 'stale' };
    const changes = {
      status: 'resolved' as const,
      ends_at: i.endsAt ?? at,
      status_at: at,
      suppressed: null,
      annotations: i.annotations ? canonical({ ...JSON.parse(row.annotations), ...i.annotations }) : row.annotations,
      updated_at: now,
    };
    await alertsDb(tx.db).updateTable('alerts').set(changes).where('id', '=', row.id).execute();
    const resolved: AlertsTable = { ...row, ...changes };
    await addAlertEvent(tx, resolved, 'resolved', i.annotations ? { annotations: i.annotations } : {});
    await requestFlushForAlerts(tx, [row.id, ...(await alertsMutedBy(tx, 'inhibited_by', row.id))]);
    if (isPerson(tx)) {
      await recordAudit(tx, { action: 'alert.resolve', subject: { type: 'alert', id: row.id }, data: { dedupKey: row.dedup_key, episode: Number(row.episode), ...(i.annotations ? { annotations: i.annotations } : {}) } });
    }
    return { alert: toAlert(resolved), outcome: 'resolved' };
  });
}
