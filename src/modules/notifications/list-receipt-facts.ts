import { assertCan, type Ctx } from '../../platform/context.ts';
import { notificationsDb } from './store.ts';

export interface ReceiptFact {
  at: number;
  channelId: string;
  channelType: string;
  status: string;
  latencyMs: number;
  test: boolean;
}

/** Every send attempt in [from, to) (epoch ms), oldest first, in the compact form reports aggregate. */
export async function listReceiptFacts({ ctx, input }: { ctx: Ctx; input: { from: number; to: number } }): Promise<ReceiptFact[]> {
  assertCan(ctx, 'read');
  const rows = await notificationsDb(ctx.db)
    .selectFrom('notification_receipts')
    .select(['at', 'channel_id', 'channel_type', 'state', 'latency_ms', 'test'])
    .where('org_id', '=', ctx.orgId)
    .where('at', '>=', input.from)
    .where('at', '<', input.to)
    .orderBy('at')
    .execute();
  return rows.map((r) => ({ at: Number(r.at), channelId: r.channel_id, channelType: r.channel_type, status: r.state, latencyMs: Number(r.latency_ms), test: Boolean(r.test) }));
}
