import type { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import { NotificationMessage } from '../notifications/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { MINUTE } from '../../platform/clock.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { EscalationSubject, type EscalationRun, type Urgency } from './escalation-schemas.ts';
import { eventBase, recordEvent, toPolicy, toRun } from './escalation-store.ts';
import { getPolicyInOrg } from './get-escalation-policy.ts';
import type { RunsTable } from './schema.ts';
import { oncallDb } from './store.ts';
import { activeKeyOf, ESCALATION_STEP_JOB, escalationKey, urgencyOf } from './urgency.ts';

export interface StartEscalationOptions {
  ctx: Ctx;
  policyId: string;
  subject: EscalationSubject;
  /** What every page carries; each page adds its recipient. */
  message: NotificationMessage;
  /** Defaults from the subject's severity: P0/P1 high, else low. */
  urgency?: Urgency;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues, path));
  return parsed.data;
}

/**
 * Starts paging through the policy for the subject, in the caller's transaction when there is one.
 * Every step of every pass becomes a durable job at its due time (`esc:<run>:<repeat>:<step>`), so
 * a restart neither skips nor repeats one. While the subject has an active escalation, starting
 * again returns that one (`started: false`). Inside a caller's transaction, call it before the
 * caller's own recordAudit (one lock order: the run, then the audit head).
 */
export async function startEscalation(options: StartEscalationOptions): Promise<{ run: EscalationRun; started: boolean }> {
  const { ctx, policyId } = options;
  assertCan(ctx, 'respond');
  const subject = parse(EscalationSubject, options.subject, 'subject');
  const message = parse(NotificationMessage, options.message, 'message');
  return inTransaction(ctx, async (tx) => {
    const policy = toPolicy(await getPolicyInOrg(tx, policyId));
    const q = oncallDb(tx.db);
    const activeKey = activeKeyOf(tx.orgId, subject);
    const active = () => q.selectFrom('escalation_runs').selectAll().where('active_key', '=', activeKey).executeTakeFirst();
    const existing = await active();
    if (existing) return { run: toRun(existing), started: false };
    const now = tx.clock.now();
    const row: RunsTable = {
      id: newId(now),
      org_id: tx.orgId,
      policy_id: policy.id,
      subject_type: subject.type,
      subject_id: subject.id,
      subject: JSON.stringify(subject),
      urgency: options.urgency ?? urgencyOf(subject.severity),
      message: JSON.stringify(message),
      policy: JSON.stringify({ name: policy.name, steps: policy.steps, repeat: policy.repeat, repeatAfterMinutes: policy.repeatAfterMinutes }),
      status: 'active',
      active_key: activeKey,
      started_at: now,
      ended_at: null,
      ended_by: null,
      end_reason: null,
      created_at: now,
      updated_at: now,
    };
    const inserted = await q.insertInto('escalation_runs').values(row).onConflict((oc) => oc.column('active_key').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { run: toRun((await active())!), started: false };
    for (let repeat = 0; repeat <= policy.repeat; repeat++) {
      for (const [step, s] of policy.steps.entries()) {
        const dueAt = now + (repeat * policy.repeatAfterMinutes + s.delayMinutes) * MINUTE;
        const payload = { orgId: tx.orgId, runId: row.id, repeat, step };
        await enqueueJob(tx.db, now, { kind: ESCALATION_STEP_JOB, orgId: tx.orgId, dueAt, idempotencyKey: escalationKey(row.id, repeat, step), payload });
      }
    }
    const detail = { policyId: policy.id, policyName: policy.name, urgency: row.urgency, steps: policy.steps.length, repeat: policy.repeat };
    await recordEvent(tx.db, { ...eventBase(row, now), event_key: `esc:${row.id}:start`, kind: 'escalation.started', detail: JSON.stringify(detail) });
    await recordAudit(tx, { action: 'escalation.start', subject: { type: subject.type, id: subject.id }, data: { runId: row.id, ...detail } });
    return { run: toRun(row), started: true };
  });
}
