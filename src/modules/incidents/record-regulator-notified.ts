import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Incident } from './schemas.ts';
import { stopBreachPages } from './remind-breach.ts';
import { BREACH_WINDOW_MS, getIncidentInOrg, presentIncident, recordTimeline, updateIncident } from './store.ts';

/** Records that the regulator was notified of the possible breach, which stops the reminders; audited with whether it was in time. */
export async function recordRegulatorNotified({ ctx, id, input }: { ctx: Ctx; id: string; input: { reference?: string; note?: string; at?: string } }): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const row = await getIncidentInOrg(tx, id, true);
    if (!Number(row.possible_breach) || row.breach_flagged_at === null) throw new AppError('INCIDENT_BREACH_NOT_FLAGGED', 'The incident is not flagged as a possible personal-data breach');
    if (row.breach_notified_at !== null) return presentIncident(tx, row);
    const now = tx.clock.now();
    const at = input.at ? Date.parse(input.at) : now;
    const updated = (await updateIncident(tx, id, { breach_notified_at: at, breach_notified_by: tx.actor.display }))!;
    await stopBreachPages(tx, row);
    const dueAt = Number(row.breach_flagged_at) + BREACH_WINDOW_MS;
    const detail = { notifiedAt: new Date(at).toISOString(), dueAt: new Date(dueAt).toISOString(), inTime: at <= dueAt, reference: input.reference ?? null, note: input.note ?? null };
    await recordTimeline(tx, id, { kind: 'breach.regulator_notified', detail });
    await recordAudit(tx, { action: 'incident.regulator_notified', subject: { type: 'incident', id }, data: detail });
    return presentIncident(tx, updated);
  });
}
