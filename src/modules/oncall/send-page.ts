import { NOTIFICATION_SEND, type NotificationMessage } from '../notifications/index.ts';
import { inTransaction, serviceCtx, systemActor, type Ctx, type Services } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { channelFor, type ChannelDirectory, type ChannelRef } from './channels.ts';
import { claimActiveRun, eventBase, recordEvent } from './escalation-store.ts';
import { orgMembers } from './members.ts';
import type { PageJobPayload } from './run-escalation-step.ts';
import type { ContactMethodsTable } from './schema.ts';
import { oncallDb } from './store.ts';
import { escalationKey } from './urgency.ts';

type Recipient = NonNullable<NotificationMessage['recipient']>;
type Resolution = { channel: ChannelRef; method: string; recipient?: Recipient } | { problem: string; method: string | null };

async function resolvePage(ctx: Ctx, payload: PageJobPayload, channels: ChannelRef[]): Promise<Resolution> {
  if (payload.channelId) {
    const channel = channels.find((c) => c.id === payload.channelId && c.enabled);
    return channel ? { channel, method: 'channel' } : { problem: 'channel missing or disabled', method: 'channel' };
  }
  const method: ContactMethodsTable | undefined = await oncallDb(ctx.db)
    .selectFrom('oncall_contact_methods')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('user_id', '=', payload.userId!)
    .where('id', '=', payload.contactMethodId!)
    .executeTakeFirst();
  if (!method) return { problem: 'contact method deleted', method: null };
  const channel = channelFor({ type: method.type, channelId: method.channel_id }, channels);
  if (!channel) return { problem: method.channel_id ? 'channel missing or disabled' : `no enabled ${method.type} channel in the organization`, method: method.type };
  const member = (await orgMembers(ctx)).get(method.user_id);
  const recipient: Recipient = {
    name: member?.name || member?.email || method.user_id,
    ...(method.type === 'email' ? { email: method.address! } : {}),
    ...(method.type === 'sms' || method.type === 'voice' ? { phone: method.address! } : {}),
  };
  return { channel, method: method.type, recipient };
}

/**
 * The `escalation.page` job: one page, as a `notification.send` job through the channel that
 * reaches the person (their own address as the message's recipient) or the channel the step names.
 * Skipped when the escalation ended before it was due; its event key makes a second run a no-op.
 */
export async function sendPage({ services, payload, channels }: { services: Services; payload: PageJobPayload; channels: ChannelDirectory }): Promise<'sent' | 'failed' | 'ended' | 'done-before'> {
  const ctx = serviceCtx(services, payload.orgId, systemActor('escalation'));
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const run = await claimActiveRun(tx.db, tx.orgId, payload.runId, now);
    if (!run) return 'ended';
    const key = escalationKey(run.id, payload.repeat, payload.step, payload.rule);
    const found = await resolvePage(tx, payload, await channels.list(tx));
    const base = { ...eventBase(run, now), event_key: key, repeat_no: payload.repeat, step_no: payload.step, user_id: payload.userId ?? null, contact_method_id: payload.contactMethodId ?? null, method: found.method };
    if ('problem' in found) {
      return (await recordEvent(tx.db, { ...base, kind: 'page.failed', detail: JSON.stringify({ reason: found.problem }) })) ? 'failed' : 'done-before';
    }
    if (!(await recordEvent(tx.db, { ...base, kind: 'page.sent', channel_id: found.channel.id, dispatch_id: key }))) return 'done-before';
    const message: NotificationMessage = { ...JSON.parse(run.message), ...(found.recipient ? { recipient: found.recipient } : {}) };
    await enqueueJob(tx.db, now, {
      kind: NOTIFICATION_SEND,
      orgId: tx.orgId,
      dueAt: now,
      idempotencyKey: `notify:${key}:${found.channel.id}`,
      payload: { orgId: tx.orgId, channelId: found.channel.id, dispatchId: key, message },
    });
    return 'sent';
  });
}
