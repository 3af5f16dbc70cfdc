import type { NotificationAlert } from '../notifications/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { IncidentsTable } from './schema.ts';
import { incidentsDb, recordTimeline } from './store.ts';

/**
 * Brings the incident's alert list up to date with a notification of its group: new firing
 * alerts are attached, resolved ones marked, and each change is on the timeline once (keyed by
 * the dispatch, so a replayed job records nothing twice). Returns how many alerts still fire.
 */
export async function attachAlerts(tx: Ctx, incident: IncidentsTable, alerts: NotificationAlert[], dispatchId: string): Promise<number> {
  const q = incidentsDb(tx.db);
  const now = tx.clock.now();
  const known = new Map((await q.selectFrom('incident_alerts').selectAll().where('incident_id', '=', incident.id).execute()).map((r) => [r.alert_id, r]));
  for (const alert of alerts) {
    const row = known.get(alert.id);
    const detail = { alertId: alert.id, summary: alert.summary, severity: alert.severity, labels: alert.labels, dispatchId };
    if (!row) {
      if (alert.status !== 'firing') continue;
      await q
        .insertInto('incident_alerts')
        .values({ incident_id: incident.id, alert_id: alert.id, org_id: tx.orgId, status: 'firing', summary: alert.summary, severity: alert.severity, labels: JSON.stringify(alert.labels), attached_at: now, resolved_at: null })
        .onConflict((oc) => oc.columns(['incident_id', 'alert_id']).doNothing())
        .execute();
      await recordTimeline(tx, incident.id, { kind: 'alert.attached', key: `alert:${incident.id}:${alert.id}:${dispatchId}`, detail });
    } else if (row.status !== alert.status) {
      const resolvedAt = alert.status === 'resolved' ? (alert.endsAt ? Date.parse(alert.endsAt) : now) : null;
      await q.updateTable('incident_alerts').set({ status: alert.status, resolved_at: resolvedAt }).where('incident_id', '=', incident.id).where('alert_id', '=', alert.id).execute();
      await recordTimeline(tx, incident.id, { kind: alert.status === 'resolved' ? 'alert.resolved' : 'alert.refired', key: `alert:${incident.id}:${alert.id}:${dispatchId}`, detail });
    }
  }
  const firing = await q
    .selectFrom('incident_alerts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incident_id', '=', incident.id)
    .where('status', '=', 'firing')
    .executeTakeFirstOrThrow();
  return Number(firing.n);
}
