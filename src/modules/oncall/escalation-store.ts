import type { Executor } from '../../platform/db/index.ts';
import type { EscalationEvent, EscalationPolicy, EscalationRun, Step } from './escalation-schemas.ts';
import { newId } from '../../platform/ids.ts';
import type { EventsTable, PoliciesTable, RunsTable } from './schema.ts';
import { iso, oncallDb } from './store.ts';

export function toPolicy(row: PoliciesTable): EscalationPolicy {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    steps: JSON.parse(row.steps) as Step[],
    repeat: row.repeat_count,
    repeatAfterMinutes: row.repeat_after_min,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function toRun(row: RunsTable): EscalationRun {
  return {
    id: row.id,
    policyId: row.policy_id,
    subject: JSON.parse(row.subject),
    urgency: row.urgency,
    status: row.status,
    startedAt: iso(row.started_at)!,
    endedAt: iso(row.ended_at),
    endedBy: row.ended_by,
    endReason: row.end_reason,
  };
}

export function toEvent(row: EventsTable): EscalationEvent {
  return {
    id: row.id,
    runId: row.run_id,
    at: iso(row.at)!,
    kind: row.kind as EscalationEvent['kind'],
    repeat: row.repeat_no,
    step: row.step_no,
    userId: row.user_id,
    method: row.method,
    contactMethodId: row.contact_method_id,
    channelId: row.channel_id,
    dispatchId: row.dispatch_id,
    detail: row.detail === null ? null : JSON.parse(row.detail),
  };
}

export async function findPolicyRow(db: Executor, orgId: string, id: string): Promise<PoliciesTable | undefined> {
  return oncallDb(db).selectFrom('escalation_policies').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/**
 * Records an event once: a second insert with the same key is ignored. Returns whether this
 * call wrote it, so a job that runs twice sends and audits once.
 */
export async function recordEvent(db: Executor, row: EventsTable): Promise<boolean> {
  const result = await oncallDb(db)
    .insertInto('escalation_events')
    .values(row)
    .onConflict((oc) => oc.column('event_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Holds the run while a job acts on it, if it is still active. The conditional update takes the
 * row lock on PostgreSQL (SQLite has one writer), so an acknowledgement either commits first and
 * the page is skipped, or waits for the page to commit.
 */
export async function claimActiveRun(db: Executor, orgId: string, runId: string, now: number): Promise<RunsTable | null> {
  const row = await oncallDb(db)
    .updateTable('escalation_runs')
    .set({ updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', runId)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** The columns every event of a run shares; the rest default to null. */
export function eventBase(run: RunsTable, at: number): Omit<EventsTable, 'event_key' | 'kind'> {
  return {
    id: newId(at),
    org_id: run.org_id,
    run_id: run.id,
    subject_type: run.subject_type,
    subject_id: run.subject_id,
    at,
    repeat_no: null,
    step_no: null,
    user_id: null,
    method: null,
    contact_method_id: null,
    channel_id: null,
    dispatch_id: null,
    detail: null,
  };
}
