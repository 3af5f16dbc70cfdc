import { assertCan, type Ctx } from '../../platform/context.ts';
import { getChannelInOrg } from './get-channel.ts';
import { listReceipts } from './list-receipts.ts';
import type { ListReceiptsInput, Receipt } from './schemas.ts';

/** One channel's receipts, newest first; 404 for a channel of another organization. */
export async function listChannelReceipts({ ctx, id, input }: { ctx: Ctx; id: string; input: Omit<ListReceiptsInput, 'channelId'> }): Promise<{ data: Receipt[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  await getChannelInOrg(ctx, id);
  return listReceipts({ ctx, input: { ...input, channelId: id } });
}
