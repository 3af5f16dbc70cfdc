import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { scheduleBreachReminders } from './breach-schedule.ts';
import { stopBreachPages } from './remind-breach.ts';
import type { Incident } from './schemas.ts';
import { BREACH_WINDOW_MS, getIncidentInOrg, presentIncident, recordTimeline, updateIncident } from './store.ts';

/**
 * Sets or clears the "possible personal-data breach" flag. Setting it starts the 72-hour
 * regulator-notification clock (UK GDPR Art. 33) with its reminders; clearing it stops them.
 * Setting it again while set changes nothing: the clock runs from the first flag.
 */
export async function flagBreach({ ctx, id, possibleBreach, note }: { ctx: Ctx; id: string; possibleBreach: boolean; note?: string }): Promise<Incident> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const row = await getIncidentInOrg(tx, id, true);
    if (row.status === 'closed') throw new AppError('INCIDENT_CLOSED', 'The incident is closed');
    if (Boolean(Number(row.possible_breach)) === possibleBreach) return presentIncident(tx, row);
    const now = tx.clock.now();
    const changes = possibleBreach
      ? { possible_breach: 1, breach_flagged_at: now, breach_notified_at: null, breach_notified_by: null, breach_overdue_at: null, updated_at: now }
      : { possible_breach: 0, updated_at: now };
    const updated = (await updateIncident(tx, id, changes))!;
    if (possibleBreach) await scheduleBreachReminders(tx, id, now);
    else await stopBreachPages(tx, row);
    const detail = possibleBreach ? { possibleBreach, startedAt: new Date(now).toISOString(), dueAt: new Date(now + BREACH_WINDOW_MS).toISOString(), note: note ?? null } : { possibleBreach, note: note ?? null };
    await recordTimeline(tx, id, { kind: possibleBreach ? 'breach.flagged' : 'breach.cleared', detail });
    await recordAudit(tx, { action: possibleBreach ? 'incident.breach_flagged' : 'incident.breach_cleared', subject: { type: 'incident', id }, data: detail });
    return presentIncident(tx, updated);
  });
}
