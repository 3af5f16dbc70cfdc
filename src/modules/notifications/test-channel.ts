import { recordAudit } from '../audit/index.ts';
import { listOrganizations } from '../auth/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { attemptSend, prepareChannel } from './attempt.ts';
import type { NotificationDeps } from './deps.ts';
import { getChannelInOrg } from './get-channel.ts';
import type { NotificationMessage } from './message.ts';
import { renderNotification } from './render.ts';
import type { ChannelsTable, ReceiptsTable } from './schema.ts';
import type { Receipt, TestChannelInput } from './schemas.ts';
import { insertReceipt, redactFieldsOf, toReceipt } from './store.ts';

function testMessage(ctx: Ctx, orgName: string, channel: ChannelsTable, receiptId: string, text: string | undefined): NotificationMessage {
  const publicUrl = ctx.config.publicUrl?.replace(/\/+$/, '');
  return {
    kind: 'test',
    org: { id: ctx.orgId, name: orgName },
    title: `Test notification from Custos: ${channel.name}`,
    groupKey: `custos-test:${receiptId}`,
    alerts: [
      {
        id: `test-${receiptId}`,
        dedupKey: `custos-test:${channel.id}`,
        status: 'firing',
        severity: 'info',
        summary: text ?? 'If you can read this, the channel works.',
        labels: { alertname: 'CustosTestNotification', source: 'custos', channel: channel.name },
        annotations: {},
        startsAt: new Date(ctx.clock.now()).toISOString(),
      },
    ],
    links: publicUrl ? { alerts: `${publicUrl}/channels/${channel.id}` } : {},
  };
}

/**
 * Sends a test notification now, through the same rendering and sending code as deliveries (the
 * rate limit aside), and records it as a `test` receipt plus a `channel.test` audit event: the
 * evidence that the channel was tested, whatever the outcome.
 */
export async function testChannel({ ctx, id, input, deps }: { ctx: Ctx; id: string; input: TestChannelInput; deps: NotificationDeps }): Promise<Receipt> {
  assertCan(ctx, 'write');
  const channel = await getChannelInOrg(ctx, id);
  const [org] = await listOrganizations({ ctx, userId: null });
  const receiptId = newId(ctx.clock.now());
  const message = testMessage(ctx, org?.name ?? ctx.orgId, channel, receiptId, input.message);
  const prepared = prepareChannel(channel, deps);
  const outcome = prepared.ok
    ? await (async () => {
        const rendered = renderNotification(message, prepared.type, channel.template ? JSON.parse(channel.template) : null, await redactFieldsOf(ctx.db, ctx.orgId));
        const { result, latencyMs } = await attemptSend({ deps, channel, prepared, rendered, idempotencyKey: `test:${receiptId}` });
        return { state: result.ok ? ('delivered' as const) : ('failed' as const), statusCode: result.statusCode ?? null, latencyMs, error: result.error ?? null };
      })()
    : { state: prepared.state, statusCode: null, latencyMs: 0, error: prepared.error };
  const row: ReceiptsTable = {
    id: receiptId,
    org_id: ctx.orgId,
    channel_id: channel.id,
    channel_type: channel.type,
    dispatch_id: null,
    delivery_id: null,
    job_id: null,
    alert_ids: JSON.stringify(message.alerts.map((a) => a.id)),
    group_key: message.groupKey,
    message_kind: 'test',
    attempt: 1,
    state: outcome.state,
    status_code: outcome.statusCode,
    latency_ms: outcome.latencyMs,
    error: outcome.error?.slice(0, 2000) ?? null,
    idempotency_key: `test:${receiptId}`,
    test: 1,
    fallback: 0,
    at: ctx.clock.now(),
    next_attempt_at: null,
  };
  await inTransaction(ctx, async (tx) => {
    await insertReceipt(tx.db, row);
    const { status, statusCode, latencyMs, error } = toReceipt(row);
    await recordAudit(tx, { action: 'channel.test', subject: { type: 'channel', id: channel.id }, data: { receiptId, channelType: channel.type, status, statusCode, latencyMs, error } });
  });
  return toReceipt(row);
}
