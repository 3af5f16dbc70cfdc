import { recordAudit } from '../audit/index.ts';
import { listChannelFacts } from '../notifications/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ReviewSettings, UpdateReviewSettingsInput } from './schemas.ts';
import { readSettingsRow, reviewsDb, toSettings } from './store.ts';

/** Each reminder channel must be one of the organization's; the email channel must be an email channel. */
async function assertChannels(ctx: Ctx, input: UpdateReviewSettingsInput): Promise<void> {
  if (!input.reminderChannelIds?.length && !input.emailChannelId) return;
  const channels = new Map((await listChannelFacts({ ctx: { ...ctx, role: 'owner' } })).map((c) => [c.id, c]));
  const issues = (input.reminderChannelIds ?? []).flatMap((id, i) => (channels.has(id) ? [] : [{ path: `reminderChannelIds.${i}`, message: 'no such channel in this organization' }]));
  if (input.emailChannelId && channels.get(input.emailChannelId)?.type !== 'email') issues.push({ path: 'emailChannelId', message: 'not an email channel of this organization' });
  if (issues.length > 0) throw new ValidationError(issues);
}

/** A new `dueBusinessDays` dates reviews whose incidents resolve from now on; dated ones keep their due time. */
export async function updateReviewSettings({ ctx, input }: { ctx: Ctx; input: UpdateReviewSettingsInput }): Promise<ReviewSettings> {
  assertCan(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    await assertChannels(tx, input);
    const row = await readSettingsRow(tx);
    const before = toSettings(row);
    const now = tx.clock.now();
    const values = {
      org_id: tx.orgId,
      due_business_days: input.dueBusinessDays ?? before.dueBusinessDays,
      reminder_channel_ids: JSON.stringify(input.reminderChannelIds ?? before.reminderChannelIds),
      email_channel_id: input.emailChannelId === undefined ? before.emailChannelId : input.emailChannelId,
      created_at: row?.created_at ?? now,
      updated_at: now,
    };
    const { org_id: _org, created_at: _created, ...changes } = values;
    await reviewsDb(tx.db).insertInto('review_settings').values(values).onConflict((oc) => oc.column('org_id').doUpdateSet(changes)).execute();
    const after = toSettings(values);
    await recordAudit(tx, { action: 'review_settings.update', subject: { type: 'review_settings', id: tx.orgId }, data: { before, after } });
    return after;
  });
}
