import { recordAudit } from '../audit/index.ts';
import { listMembers, listOrganizations, type Member } from '../auth/index.ts';
import { businessDeadline } from '../calendar/index.ts';
import { getIncident } from '../incidents/index.ts';
import { NOTIFICATION_SEND, type NotificationMessage, type SendNotificationPayload } from '../notifications/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { scheduleReminder, type OverdueJobPayload } from './due.ts';
import type { ReviewsTable, ReviewSettingsTable } from './schema.ts';
import { readSettingsRow, reviewsDb, toSettings } from './store.ts';

/** After this many reminders (one per business day) the review is left to the overdue list. */
export const MAX_REMINDERS = 10;

export type ReminderOutcome = 'reminded' | 'skipped';

/** The incident's assignees; with none, the organization's owners. */
async function recipientsOf(ctx: Ctx, assignees: string[]): Promise<Member[]> {
  const members = await listMembers({ ctx: { ...ctx, role: 'owner' } });
  const assigned = members.filter((m) => assignees.includes(m.userId));
  return assigned.length > 0 ? assigned : members.filter((m) => m.role === 'owner');
}

async function send(tx: Ctx, row: ReviewsTable, settingsRow: ReviewSettingsTable | undefined, key: string, title: string, recipients: Member[]): Promise<string[]> {
  const settings = toSettings(settingsRow);
  const [org] = await listOrganizations({ ctx: { ...tx, role: 'owner' }, userId: null });
  const base = tx.config.publicUrl?.replace(/\/$/, '');
  const message: NotificationMessage = { kind: 'alert.firing', org: { id: org.id, name: org.name }, title: title.slice(0, 1000), groupKey: `review:${row.id}`, alerts: [], links: base ? { incident: `${base}/incidents/${row.incident_id}` } : {} };
  const now = tx.clock.now();
  const jobs: { channelId: string; dispatchId: string; message: NotificationMessage }[] = settings.reminderChannelIds.map((channelId) => ({ channelId, dispatchId: key, message }));
  if (settings.emailChannelId) {
    for (const m of recipients) jobs.push({ channelId: settings.emailChannelId, dispatchId: `${key}:${m.userId}`, message: { ...message, recipient: { name: m.name || m.email, email: m.email } } });
  }
  for (const job of jobs) {
    const payload: SendNotificationPayload = { orgId: tx.orgId, ...job };
    await enqueueJob(tx.db, now, { kind: NOTIFICATION_SEND, orgId: tx.orgId, dueAt: now, idempotencyKey: `notify:${job.dispatchId}:${job.channelId}`, payload });
  }
  return [...new Set(jobs.map((j) => j.channelId))];
}

/**
 * The `review.overdue` job: while the review is an unfiled draft past its due time, reminds the
 * incident's assignees (or the owners) through the configured channels, records the reminder in
 * the audit chain and books the next one a business day later. The reminder count moves by a
 * conditional update, so a job run twice reminds once.
 */
export async function remindOverdueReview({ ctx, payload }: { ctx: Ctx; payload: OverdueJobPayload }): Promise<ReminderOutcome> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const won = await reviewsDb(tx.db)
      .updateTable('reviews')
      .set({ reminder_count: payload.reminder, last_reminded_at: now })
      .where('org_id', '=', tx.orgId)
      .where('id', '=', payload.reviewId)
      .where('status', '=', 'draft')
      .where('due_at', '<=', now)
      .where('reminder_count', '=', payload.reminder - 1)
      .returningAll()
      .executeTakeFirst();
    if (!won) return 'skipped';
    const incident = await getIncident({ ctx: { ...tx, role: 'owner' }, id: won.incident_id });
    const recipients = await recipientsOf(tx, incident.assignees);
    const dueAt = new Date(Number(won.due_at)).toISOString();
    const names = recipients.map((m) => m.name || m.email).join(', ');
    const title = `[REVIEW OVERDUE] The post-incident review of ${won.severity} "${won.incident_title}" was due ${dueAt}${names ? ` — for ${names}` : ''}`;
    const channels = await send(tx, won, await readSettingsRow(tx), `review-overdue:${won.id}:${payload.reminder}`, title, recipients);
    await recordAudit(tx, {
      action: 'review.overdue_reminder',
      subject: { type: 'review', id: won.id },
      data: { incidentId: won.incident_id, reminder: payload.reminder, dueAt, recipients: recipients.map((m) => m.userId), channels },
    });
    if (payload.reminder < MAX_REMINDERS) await scheduleReminder(tx, won.id, await businessDeadline({ ctx: { ...tx, role: 'owner' }, start: now, days: 1 }), payload.reminder + 1);
    return 'reminded';
  });
}
