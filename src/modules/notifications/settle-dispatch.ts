import type { Executor } from '../../platform/db/index.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { redactText } from '../../platform/redact/index.ts';
import { deliveriesOfDispatch, lockDispatch, openJobKeysOfDispatch, settleDispatchRow } from './delivery-store.ts';
import type { NotificationDeps } from './deps.ts';
import { ALERT_RAISE, NOTIFICATION_SEND, type NotificationMessage, type SendNotificationPayload } from './message.ts';
import { FINAL_STATES, type DeliveriesTable } from './schema.ts';
import { findSettingsRow, notificationsDb } from './store.ts';

export const SELF_ALERT_NAME = 'NotificationDeliveryFailed';

// A self-alert about failed deliveries is routed like any alert; if its own delivery fails, raising
// another one would loop for as long as the channels stay down.
const isSelfAlert = (m: NotificationMessage) => m.alerts.length > 0 && m.alerts.every((a) => a.labels.alertname === SELF_ALERT_NAME && a.labels.source === 'custos');

async function describeFailures(tx: Executor, deliveries: DeliveriesTable[]): Promise<string> {
  const ids = deliveries.map((d) => d.channel_id);
  const names = new Map(
    ids.length === 0 ? [] : (await notificationsDb(tx).selectFrom('notification_channels').select(['id', 'name', 'type']).where('id', 'in', ids).execute()).map((c) => [c.id, `${c.type} "${c.name}"`]),
  );
  return deliveries.map((d) => `${names.get(d.channel_id) ?? `deleted channel ${d.channel_id}`}: ${d.state}${d.last_error ? ` (${d.last_error})` : ''}`).join('; ');
}

/**
 * Runs in the transaction that closed one delivery of a dispatch without delivering it. When
 * that was the dispatch's last open delivery and none was delivered, the message goes to the
 * organization's fallback channel and a self-alert is raised; both enqueues are idempotent.
 */
export async function settleDispatch(tx: Executor, deps: NotificationDeps, p: SendNotificationPayload, now: number): Promise<'open' | 'delivered' | 'undelivered'> {
  const dispatch = await lockDispatch(tx, deps.services.dialect, p.orgId, p.dispatchId, now);
  if (dispatch.settled_at !== null) return 'undelivered';
  const deliveries = await deliveriesOfDispatch(tx, p.dispatchId);
  if (deliveries.some((d) => d.state === 'delivered')) return 'delivered';
  const byKey = new Map(deliveries.map((d) => [d.id, d]));
  const open = (await openJobKeysOfDispatch(tx, p.dispatchId)).filter((key) => !FINAL_STATES.has(byKey.get(key)?.state ?? 'pending'));
  if (open.length > 0) return 'open';

  await settleDispatchRow(tx, p.dispatchId, now, 'undelivered');
  const fallbackId = (await findSettingsRow(tx, p.orgId))?.fallback_channel_id;
  if (fallbackId && !deliveries.some((d) => d.channel_id === fallbackId)) {
    const payload: SendNotificationPayload = { ...p, channelId: fallbackId, fallback: true };
    await enqueueJob(tx, now, { kind: NOTIFICATION_SEND, orgId: p.orgId, payload, idempotencyKey: `fallback:${p.dispatchId}`, dueAt: now });
  }
  if (!isSelfAlert(p.message)) {
    const title = redactText(p.message.title).text;
    await enqueueJob(tx, now, {
      kind: ALERT_RAISE,
      orgId: p.orgId,
      idempotencyKey: `selfalert:${p.dispatchId}`,
      dueAt: now,
      payload: {
        orgId: p.orgId,
        dedupKey: `custos:delivery-failed:${p.dispatchId}`,
        status: 'firing',
        labels: { alertname: SELF_ALERT_NAME, severity: 'critical', source: 'custos' },
        annotations: {
          summary: `Notification not delivered on any channel: ${title}`.slice(0, 1000),
          description: `Dispatch ${p.dispatchId} reached no channel${fallbackId ? '; it was sent to the fallback channel' : ' and no fallback channel is set'}. ${await describeFailures(tx, deliveries)}`.slice(0, 4000),
        },
      },
    });
  }
  return 'undelivered';
}
