import { recordAudit } from '../audit/index.ts';
import { stopEscalation } from '../oncall/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { subjectOf } from './escalate.ts';
import type { IncidentsTable } from './schema.ts';
import type { Incident } from './schemas.ts';
import { getIncidentInOrg, presentIncident, recordTimeline, updateIncident } from './store.ts';
import { updateLinkedPages } from './status-page-sync.ts';

/**
 * Resolves an open incident in the caller's transaction (by a person, or by the system when its
 * alerts resolved): stops paging, frees the aggregation group for a new incident and tells the
 * linked status-page notices. Null when the incident was no longer open.
 */
export async function resolveLocked(tx: Ctx, id: string, why: { note?: string; cause: 'manual' | 'alerts-resolved' }): Promise<IncidentsTable | null> {
  const now = tx.clock.now();
  const won = await updateIncident(tx, id, { status: 'resolved', resolved_at: now, resolved_by: tx.actor.display, open_key: null }, (eb) => eb('status', 'in', ['triggered', 'acknowledged']));
  if (!won) return null;
  await stopEscalation({ ctx: { ...tx, role: 'owner' }, subject: subjectOf(won), reason: 'incident resolved' });
  await recordTimeline(tx, id, { kind: 'incident.resolved', detail: { cause: why.cause, ...(why.note ? { note: why.note } : {}) } });
  await updateLinkedPages(tx, won, 'resolved');
  await recordAudit(tx, {
    action: 'incident.resolved',
    subject: { type: 'incident', id },
    data: { at: new Date(now).toISOString(), cause: why.cause, mttrSeconds: Math.round((now - Number(won.triggered_at)) / 1000), note: why.note ?? null },
  });
  return won;
}

/** Resolves the incident; resolving a resolved one answers it as it is. */
export async function resolveIncident({ ctx, id, note }: { ctx: Ctx; id: string; note?: string }): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const won = await resolveLocked(tx, id, { note, cause: 'manual' });
    if (won) return presentIncident(tx, won);
    const row = await getIncidentInOrg(tx, id);
    if (row.status === 'closed') throw new AppError('INCIDENT_CLOSED', 'The incident is closed');
    return presentIncident(tx, row);
  });
}
