import { listChannelFacts, listReceiptFacts, type ReceiptFact } from '../../notifications/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import { percentile } from '../collect.ts';
import type { Period } from '../period.ts';
import type { ChannelTypeReceipts, NotificationSection } from '../schemas.ts';

function byType(channelType: string, receipts: ReceiptFact[]): ChannelTypeReceipts {
  const count = (status: string) => receipts.filter((r) => r.status === status).length;
  const latencies = receipts.filter((r) => r.status === 'delivered').map((r) => r.latencyMs);
  return {
    channelType,
    attempts: receipts.length,
    delivered: count('delivered'),
    failed: count('failed'),
    retrying: count('retrying'),
    skipped: count('skipped'),
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
  };
}

/** Delivery receipts per channel type (test sends apart) and each channel's tests. */
export async function notificationSection(ctx: Ctx, period: Period): Promise<NotificationSection> {
  const [receipts, channels] = await Promise.all([listReceiptFacts({ ctx, input: period }), listChannelFacts({ ctx })]);
  const real = receipts.filter((r) => !r.test);
  const types = [...new Set(real.map((r) => r.channelType))].sort();
  const tests = receipts.filter((r) => r.test);
  return {
    byChannelType: types.map((t) => byType(t, real.filter((r) => r.channelType === t))),
    channels: channels.map((c) => {
      const own = tests.filter((r) => r.channelId === c.id);
      return {
        channelId: c.id,
        name: c.name,
        type: c.type,
        enabled: c.enabled,
        testsInPeriod: own.length,
        testsDelivered: own.filter((r) => r.status === 'delivered').length,
        lastTestAt: c.lastTestAt,
        lastTestStatus: c.lastTestStatus,
      };
    }),
  };
}
