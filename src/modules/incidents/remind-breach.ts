import { recordAudit } from '../audit/index.ts';
import { listOrganizations } from '../auth/index.ts';
import { listChannelFacts, NOTIFICATION_SEND, type NotificationMessage, type SendNotificationPayload } from '../notifications/index.ts';
import { startEscalation, stopEscalation } from '../oncall/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { BREACH_REMINDER_HOURS, type BreachJobPayload } from './breach-schedule.ts';
import { findPolicyId, incidentUrl } from './escalate.ts';
import { policyOf } from './get-severity-policy.ts';
import { orgMembers } from './members.ts';
import type { SeverityPolicyDocument } from './policy-schemas.ts';
import type { IncidentsTable } from './schema.ts';
import { BREACH_REMINDER_KIND, findIncident, recordTimeline, updateIncident } from './store.ts';

export type BreachOutcome = 'reminded' | 'overdue' | 'skipped';

const BREACH_SUBJECT = 'incident.breach';
const reminderKey = (incidentId: string, flaggedAt: number, hours: number) => `breach:${incidentId}:${flaggedAt}:${hours}`;

/** Ends the pages the breach clock's reminders started (the regulator was notified, or the flag cleared). Call before recordAudit. */
export async function stopBreachPages(tx: Ctx, row: IncidentsTable): Promise<void> {
  if (row.breach_flagged_at === null) return;
  for (const hours of BREACH_REMINDER_HOURS) {
    await stopEscalation({ ctx: { ...tx, role: 'owner' }, subject: { type: BREACH_SUBJECT, id: reminderKey(row.id, Number(row.breach_flagged_at), hours) }, reason: 'breach clock stopped' });
  }
}

type Recipient = { userId: string; name: string; email: string };

/** Who the reminders are for: members holding the policy's roles, and the listed users. */
async function recipientsOf(ctx: Ctx, policy: SeverityPolicyDocument): Promise<Recipient[]> {
  const wanted = policy.breachNotification;
  const members = [...(await orgMembers(ctx)).values()].filter((m) => wanted.roles.includes(m.role) || wanted.userIds.includes(m.userId));
  return members.map((m) => ({ userId: m.userId, name: m.name || m.email, email: m.email }));
}

const display = (r: Recipient) => (r.name !== r.email ? `${r.name} <${r.email}>` : r.email);

/**
 * Each of the policy's channels gets the reminder; an email channel sends it to every named person's
 * own address (one message each), so the role is reached in person, not only in a shared room.
 */
async function send(tx: Ctx, row: IncidentsTable, policy: SeverityPolicyDocument, key: string, title: string, people: Recipient[]): Promise<void> {
  const recipients = people.map(display);
  const [org] = await listOrganizations({ ctx: { ...tx, role: 'owner' }, userId: null });
  const url = incidentUrl(tx, row.id);
  const message: NotificationMessage = {
    kind: 'alert.firing',
    org: { id: org.id, name: org.name },
    title: `${title}${recipients.length ? ` — for ${recipients.join(', ')}` : ''}`.slice(0, 1000),
    groupKey: `incident-breach:${row.id}`,
    alerts: [],
    links: url ? { incident: url } : {},
  };
  const now = tx.clock.now();
  const types = new Map((await listChannelFacts({ ctx: { ...tx, role: 'owner' } })).map((c) => [c.id, c.type]));
  for (const channelId of policy.breachNotification.channelIds) {
    const copies = types.get(channelId) === 'email' && people.length > 0 ? people.map((p) => ({ dispatchId: `${key}:${p.userId}`, message: { ...message, recipient: { name: p.name, email: p.email } } })) : [{ dispatchId: key, message }];
    for (const copy of copies) {
      const payload: SendNotificationPayload = { orgId: tx.orgId, channelId, ...copy };
      await enqueueJob(tx.db, now, { kind: NOTIFICATION_SEND, orgId: tx.orgId, dueAt: now, idempotencyKey: `notify:${copy.dispatchId}:${channelId}`, payload });
    }
  }
  const policyRef = policy.breachNotification.escalationPolicyId;
  const policyId = policyRef ? await findPolicyId(tx, policyRef) : null;
  if (policyId) {
    await startEscalation({ ctx: { ...tx, role: 'owner' }, policyId, subject: { type: BREACH_SUBJECT, id: key, title: title.slice(0, 500), severity: 'P0', ...(url ? { url } : {}) }, message });
  }
}

/**
 * The `incident.breach_reminder` job (24, 48 and 66 hours after the flag, and the 72-hour
 * deadline): while the regulator has not been recorded as notified, it reminds the named people
 * through the policy's channels and escalation policy, and records the reminder (or the overdue
 * deadline) on the timeline and in the audit chain.
 */
export async function remindBreach({ ctx, payload }: { ctx: Ctx; payload: BreachJobPayload }): Promise<BreachOutcome> {
  return inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, payload.incidentId, true);
    if (!row || !Number(row.possible_breach) || Number(row.breach_flagged_at) !== payload.flaggedAt || row.breach_notified_at !== null) return 'skipped';
    const { document } = await policyOf(tx);
    const overdue = payload.hours >= 72;
    const recipients = await recipientsOf(tx, document);
    const key = reminderKey(row.id, payload.flaggedAt, payload.hours);
    const detail = { flaggedAt: payload.flaggedAt, hoursElapsed: payload.hours, hoursLeft: Math.max(0, 72 - payload.hours), overdue, recipients: recipients.map(display) };
    if (!(await recordTimeline(tx, row.id, { kind: BREACH_REMINDER_KIND, key, detail }))) return 'skipped';
    if (overdue) await updateIncident(tx, row.id, { breach_overdue_at: tx.clock.now() });
    const title = overdue
      ? `[OVERDUE] Possible personal-data breach: the 72-hour regulator notification deadline has passed — ${row.title}`
      : `[BREACH CLOCK ${payload.hours}h] Possible personal-data breach: ${72 - payload.hours} hours left to notify the regulator — ${row.title}`;
    await send(tx, row, document, key, title, recipients);
    await recordAudit(tx, { action: overdue ? 'incident.breach_overdue' : 'incident.breach_reminder', subject: { type: 'incident', id: row.id }, data: { ...detail, channels: document.breachNotification.channelIds } });
    return overdue ? 'overdue' : 'reminded';
  });
}
