import { assertCan, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ChannelDeps } from './deps.ts';
import type { ChannelsTable } from './schema.ts';
import type { Channel } from './schemas.ts';
import { findChannelRow, toChannel } from './store.ts';

export async function getChannelInOrg(ctx: Ctx, id: string): Promise<ChannelsTable> {
  const row = await findChannelRow(ctx.db, ctx.orgId, id);
  if (!row) throw new NotFoundError('Channel', 'CHANNEL_NOT_FOUND');
  return row;
}

export async function getChannel({ ctx, id, deps }: { ctx: Ctx; id: string; deps: ChannelDeps }): Promise<Channel> {
  assertCan(ctx, 'read');
  return toChannel(await getChannelInOrg(ctx, id), deps.registry, deps.secrets());
}
