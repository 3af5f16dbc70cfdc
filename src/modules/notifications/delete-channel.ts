import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { ChannelDeps } from './deps.ts';
import { getChannelInOrg } from './get-channel.ts';
import { findSettingsRow, notificationsDb, toChannel } from './store.ts';

/** Deletes the channel; its receipts stay as evidence of what was sent. Pending deliveries to it end `skipped`. */
export async function deleteChannel({ ctx, id, deps }: { ctx: Ctx; id: string; deps: ChannelDeps }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    const before = await getChannelInOrg(tx, id);
    if ((await findSettingsRow(tx.db, tx.orgId))?.fallback_channel_id === id) {
      throw new ConflictError("The channel is the organization's fallback channel", 'CHANNEL_IS_FALLBACK');
    }
    const q = notificationsDb(tx.db);
    await q.deleteFrom('notification_channels').where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await q.deleteFrom('notification_rate_limits').where('channel_id', '=', id).execute();
    await q.deleteFrom('notification_threads').where('channel_id', '=', id).execute();
    await recordAudit(tx, { action: 'channel.delete', subject: { type: 'channel', id }, data: { before: toChannel(before, deps.registry, deps.secrets()) } });
  });
}
