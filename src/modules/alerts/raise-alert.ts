import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, fieldIssues, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requestFlushForAlerts } from './flush-schedule.ts';
import { routeAlert } from './grouping.ts';
import { resolveAlert } from './resolve-alert.ts';
import type { AlertsTable } from './schema.ts';
import { RaiseAlertInput, Severity, type Alert } from './schemas.ts';
import { addAlertEvent, alertsDb, canonical, currentRouting, findAlertRow, isPerson, toAlert } from './store.ts';

export type RaiseOutcome = 'created' | 'reopened' | 'updated' | 'unchanged' | 'stale' | 'resolved' | 'unknown';

export interface RaiseResult {
  /** Null only when a resolve names an alert that never fired. */
  alert: Alert | null;
  outcome: RaiseOutcome;
}

function parse(input: RaiseAlertInput): RaiseAlertInput & { labels: Record<string, string>; annotations: Record<string, string>; severity: Severity } {
  const parsed = RaiseAlertInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const labelSeverity = Severity.safeParse(parsed.data.labels.severity);
  const severity = parsed.data.severity ?? (labelSeverity.success ? labelSeverity.data : 'error');
  return { ...parsed.data, severity, labels: { ...parsed.data.labels, severity } };
}

/** Alerts from sources are recorded in their events; one a person raises also enters the audit chain. */
async function audited(ctx: Ctx, row: AlertsTable, outcome: RaiseOutcome): Promise<RaiseResult> {
  const alert = toAlert(row);
  if (isPerson(ctx)) await recordAudit(ctx, { action: 'alert.raise', subject: { type: 'alert', id: row.id }, data: { outcome, dedupKey: alert.dedupKey, labels: alert.labels, episode: alert.episode } });
  return { alert, outcome };
}

/**
 * Raises (or refreshes) the alert with this dedup key. Repeated firing updates the one alert; a
 * resolved alert that fires again opens a new episode. New and changed alerts are routed into
 * their groups in the same transaction. `status: resolved` resolves instead.
 */
export async function raiseAlert({ ctx, input }: { ctx: Ctx; input: RaiseAlertInput }): Promise<RaiseResult> {
  assertCan(ctx, 'respond');
  const i = parse(input);
  if (i.status === 'resolved') {
    try {
      return await resolveAlert({ ctx, input: { dedupKey: i.dedupKey, at: i.at, endsAt: i.endsAt, annotations: i.annotations } });
    } catch (err) {
      if (err instanceof AppError && err.code === 'ALERT_NOT_FOUND') return { alert: null, outcome: 'unknown' };
      throw err;
    }
  }
  const labels = canonical(i.labels);
  const annotations = canonical(i.annotations);
  return inTransaction(ctx, async (tx) => {
    const q = alertsDb(tx.db);
    const now = tx.clock.now();
    const at = i.at ?? now;
    let row = await findAlertRow(tx, { dedupKey: i.dedupKey }, true);
    if (!row) {
      const fresh: AlertsTable = {
        id: newId(now),
        org_id: tx.orgId,
        dedup_key: i.dedupKey,
        labels,
        annotations,
        status: 'firing',
        severity: i.severity,
        source: i.source ?? 'integration',
        starts_at: i.startsAt ?? at,
        ends_at: null,
        last_seen_at: at,
        status_at: at,
        fire_count: 1,
        episode: 1,
        acknowledged_at: null,
        acknowledged_by: null,
        suppressed: null,
        silenced_by: '[]',
        inhibited_by: '[]',
        generator_url: i.generatorUrl ?? null,
        created_at: now,
        updated_at: now,
      };
      const inserted = await q.insertInto('alerts').values(fresh).onConflict((oc) => oc.columns(['org_id', 'dedup_key']).doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
        await addAlertEvent(tx, fresh, 'fired', { labels: i.labels, severity: i.severity });
        await routeAlert(tx, fresh, (await currentRouting(tx.db, tx.orgId)).compiled, true);
        return audited(tx, fresh, 'created');
      }
      row = (await findAlertRow(tx, { dedupKey: i.dedupKey }, true))!;
    }
    if (at < Number(row.status_at)) return { alert: toAlert(row), outcome: 'stale' };

    const common = { labels, annotations, severity: i.severity, last_seen_at: at, status_at: at, suppressed: null, updated_at: now, generator_url: i.generatorUrl ?? row.generator_url };
    if (row.status === 'resolved') {
      const changes = {
        ...common,
        status: 'firing' as const,
        starts_at: i.startsAt ?? at,
        ends_at: null,
        fire_count: Number(row.fire_count) + 1,
        episode: Number(row.episode) + 1,
        acknowledged_at: null,
        acknowledged_by: null,
        silenced_by: '[]',
        inhibited_by: '[]',
      };
      await q.updateTable('alerts').set(changes).where('id', '=', row.id).execute();
      const reopened: AlertsTable = { ...row, ...changes };
      await addAlertEvent(tx, reopened, 'reopened', { labels: i.labels, severity: i.severity });
      await routeAlert(tx, reopened, (await currentRouting(tx.db, tx.orgId)).compiled);
      return audited(tx, reopened, 'reopened');
    }

    const labelsChanged = labels !== row.labels;
    const unsuppressed = row.suppressed !== null;
    const detailsChanged = annotations !== row.annotations || i.severity !== row.severity;
    if (at === Number(row.last_seen_at) && !labelsChanged && !unsuppressed && !detailsChanged) return { alert: toAlert(row), outcome: 'unchanged' };
    const updated: AlertsTable = { ...row, ...common, fire_count: Number(row.fire_count) + 1 };
    await q
      .updateTable('alerts')
      .set({ ...common, fire_count: updated.fire_count })
      .where('id', '=', row.id)
      .execute();
    if (labelsChanged || detailsChanged) await addAlertEvent(tx, updated, 'updated', { labels: i.labels, severity: i.severity, annotations: i.annotations });
    if (unsuppressed) await addAlertEvent(tx, updated, 'unsuppressed', { was: row.suppressed });
    if (labelsChanged) await routeAlert(tx, updated, (await currentRouting(tx.db, tx.orgId)).compiled);
    else if (unsuppressed) await requestFlushForAlerts(tx, [row.id]);
    return audited(tx, updated, 'updated');
  });
}
