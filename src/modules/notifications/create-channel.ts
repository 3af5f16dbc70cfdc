import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { sealSettings } from './channel-settings.ts';
import type { ChannelDeps } from './deps.ts';
import type { ChannelsTable } from './schema.ts';
import type { Channel, CreateChannelInput } from './schemas.ts';
import { notificationsDb, toChannel } from './store.ts';
import { validateTemplate } from './templates.ts';

export async function createChannel({ ctx, input, deps }: { ctx: Ctx; input: CreateChannelInput; deps: ChannelDeps }): Promise<Channel> {
  assertCan(ctx, 'write');
  const type = deps.registry.get(input.type);
  const settings = deps.registry.parseSettings(input.type, input.settings);
  validateTemplate(input.template);
  const sealed = sealSettings(type, settings, deps.secrets());
  const now = ctx.clock.now();
  const row: ChannelsTable = {
    id: newId(now),
    org_id: ctx.orgId,
    name: input.name,
    type: type.type,
    settings: sealed.settings,
    secrets: sealed.secrets,
    labels: JSON.stringify(input.labels),
    template: input.template ? JSON.stringify(input.template) : null,
    enabled: input.enabled ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  const channel = toChannel(row, deps.registry, deps.secrets());
  await inTransaction(ctx, async (tx) => {
    await notificationsDb(tx.db).insertInto('notification_channels').values(row).execute();
    await recordAudit(tx, { action: 'channel.create', subject: { type: 'channel', id: row.id }, data: { after: channel } });
  });
  return channel;
}
