import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { buildMessage, dispatchNotification } from './notification-message.ts';
import type { RouteSettings } from './routing-tree.ts';
import type { AlertsTable } from './schema.ts';
import type { Alert } from './schemas.ts';
import { addAlertEvent, alertsDb, getAlertInOrg, toAlert } from './store.ts';

/**
 * A responder acknowledges a firing alert: repeats stop, and every group that paged about it
 * sends an `alert.acknowledged` notification to its receivers. Two people acknowledging at once:
 * the conditional update lets one win, and both get the acknowledged alert back.
 */
export async function acknowledgeAlert({ ctx, id }: { ctx: Ctx; id: string }): Promise<Alert> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const row = await getAlertInOrg(tx, id, true);
    if (row.status !== 'firing') throw new ConflictError('The alert is resolved; there is nothing to acknowledge', 'ALERT_NOT_FIRING');
    if (row.acknowledged_at !== null) return toAlert(row);
    const now = tx.clock.now();
    const q = alertsDb(tx.db);
    const changes = { acknowledged_at: now, acknowledged_by: tx.actor.display, updated_at: now };
    const won = await q
      .updateTable('alerts')
      .set(changes)
      .where('id', '=', row.id)
      .where('acknowledged_at', 'is', null)
      .where('status', '=', 'firing')
      .where('episode', '=', row.episode)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) === 0) return toAlert(await getAlertInOrg(tx, id));
    const acked: AlertsTable = { ...row, ...changes };
    await addAlertEvent(tx, acked, 'acknowledged');
    await recordAudit(tx, { action: 'alert.acknowledge', subject: { type: 'alert', id: row.id }, data: { dedupKey: row.dedup_key, episode: Number(row.episode) } });

    const groups = await q
      .selectFrom('alert_group_members')
      .innerJoin('alert_groups', 'alert_groups.id', 'alert_group_members.group_id')
      .select(['alert_groups.group_key', 'alert_groups.settings'])
      .where('alert_group_members.alert_id', '=', row.id)
      .where('alert_group_members.notified_status', '=', 'firing')
      .orderBy('alert_groups.group_key')
      .execute();
    for (const g of groups) {
      const receivers = (JSON.parse(g.settings) as RouteSettings).receivers;
      if (receivers.length === 0) continue;
      const dispatchId = await dispatchNotification(tx, receivers, await buildMessage(tx, 'alert.acknowledged', g.group_key, [acked]));
      await addAlertEvent(tx, acked, 'notified', { dispatchId, groupKey: g.group_key, status: 'acknowledged', receivers });
    }
    return toAlert(acked);
  });
}
