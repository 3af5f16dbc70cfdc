import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { readSettings } from './notification-settings.ts';
import type { NotificationSettings, UpdateNotificationSettingsInput } from './schemas.ts';
import { findChannelRow, notificationsDb } from './store.ts';

/** Sets the fallback channel (which must be this organization's) and extra redacted field names. */
export async function updateNotificationSettings({ ctx, input }: { ctx: Ctx; input: UpdateNotificationSettingsInput }): Promise<NotificationSettings> {
  assertCan(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const before = await readSettings(tx);
    const fallbackChannelId = input.fallbackChannelId === undefined ? before.fallbackChannelId : input.fallbackChannelId;
    if (fallbackChannelId && !(await findChannelRow(tx.db, tx.orgId, fallbackChannelId))) {
      throw new ValidationError([{ path: 'fallbackChannelId', message: 'no such channel in this organization' }]);
    }
    const redactFields = input.redactFields ?? before.redactFields;
    const now = tx.clock.now();
    const values = { fallback_channel_id: fallbackChannelId, redact_fields: JSON.stringify(redactFields), updated_at: now };
    await notificationsDb(tx.db)
      .insertInto('notification_settings')
      .values({ org_id: tx.orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    const after = await readSettings(tx);
    await recordAudit(tx, { action: 'notification_settings.update', subject: { type: 'org', id: tx.orgId }, data: { before, after } });
    return after;
  });
}
