import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { mergeSettings, openSettings, sealSettings } from './channel-settings.ts';
import type { ChannelDeps } from './deps.ts';
import { getChannelInOrg } from './get-channel.ts';
import type { ChannelsTable } from './schema.ts';
import type { Channel, UpdateChannelInput } from './schemas.ts';
import { notificationsDb, toChannel } from './store.ts';
import { validateTemplate } from './templates.ts';

export async function updateChannel({ ctx, id, input, deps }: { ctx: Ctx; id: string; input: UpdateChannelInput; deps: ChannelDeps }): Promise<Channel> {
  assertCan(ctx, 'write');
  validateTemplate(input.template);
  const box = deps.secrets();
  return inTransaction(ctx, async (tx) => {
    const before = await getChannelInOrg(tx, id);
    const changes: Partial<ChannelsTable> = { updated_at: tx.clock.now() };
    if (input.settings !== undefined) {
      const type = deps.registry.get(before.type);
      const merged = mergeSettings(type, openSettings(before, box), input.settings);
      Object.assign(changes, sealSettings(type, deps.registry.parseSettings(before.type, merged), box));
    }
    if (input.name !== undefined) changes.name = input.name;
    if (input.labels !== undefined) changes.labels = JSON.stringify(input.labels);
    if (input.template !== undefined) changes.template = input.template ? JSON.stringify(input.template) : null;
    if (input.enabled !== undefined) changes.enabled = input.enabled ? 1 : 0;
    await notificationsDb(tx.db).updateTable('notification_channels').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    const after = toChannel({ ...before, ...changes }, deps.registry, box);
    await recordAudit(tx, { action: 'channel.update', subject: { type: 'channel', id }, data: { before: toChannel(before, deps.registry, box), after } });
    return after;
  });
}
