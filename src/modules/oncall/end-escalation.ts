import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { EscalationRun } from './escalation-schemas.ts';
import { eventBase, recordEvent, toRun } from './escalation-store.ts';
import { oncallDb } from './store.ts';
import { activeKeyOf } from './urgency.ts';

export type EscalationRef = { type: string; id: string };

/**
 * Ends the subject's active escalation with a conditional update (`WHERE status = 'active'`):
 * of two people acknowledging at once one ends it and the other gets null; a page already due
 * but not yet sent finds the run ended and is skipped. It locks the run row before the audit
 * head: inside a caller's transaction, call it before the caller's own recordAudit.
 */
export async function endEscalation(ctx: Ctx, subject: EscalationRef, status: 'acknowledged' | 'stopped', reason: string | null): Promise<EscalationRun | null> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const row = await oncallDb(tx.db)
      .updateTable('escalation_runs')
      .set({ status, active_key: null, ended_at: now, ended_by: tx.actor.display, end_reason: reason, updated_at: now })
      .where('org_id', '=', tx.orgId)
      .where('active_key', '=', activeKeyOf(tx.orgId, subject))
      .where('status', '=', 'active')
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    const detail = { actor: tx.actor, reason };
    await recordEvent(tx.db, { ...eventBase(row, now), event_key: `esc:${row.id}:end`, kind: `escalation.${status}`, user_id: tx.actor.type === 'user' ? tx.actor.id : null, detail: JSON.stringify(detail) });
    await recordAudit(tx, { action: status === 'acknowledged' ? 'escalation.acknowledge' : 'escalation.stop', subject: { type: subject.type, id: subject.id }, data: { runId: row.id, reason } });
    return toRun(row);
  });
}
