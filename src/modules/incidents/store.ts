import type { Expression, ExpressionBuilder, SqlBool, Updateable } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Incident, IncidentAlert, TimelineEvent } from './schemas.ts';
import type { IncidentAlertsTable, IncidentEventsTable, IncidentsTable, IncidentTables } from './schema.ts';

export const incidentsDb = (db: Executor) => db.withTables<IncidentTables>();

export const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const num = (v: number | string | null) => (v === null ? null : Number(v));
const seconds = (from: number | string, to: number | string | null) => (to === null ? null : Math.round((Number(to) - Number(from)) / 1000));

export const BREACH_WINDOW_MS = 72 * 3_600_000;
export const BREACH_REMINDER_KIND = 'breach.reminder';

export function toIncident(row: IncidentsTable, reminders: TimelineEvent[] = []): Incident {
  const acknowledged = num(row.acknowledged_at);
  const resolved = num(row.resolved_at);
  const flagged = num(row.breach_flagged_at);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    severity: row.severity,
    severityReason: JSON.parse(row.severity_reason),
    source: row.source,
    groupKey: row.group_key,
    escalationPolicyId: row.escalation_policy_id,
    assignees: JSON.parse(row.assignees),
    labels: JSON.parse(row.labels),
    createdBy: row.created_by,
    triggeredAt: iso(row.triggered_at)!,
    acknowledgedAt: iso(acknowledged),
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: iso(resolved),
    resolvedBy: row.resolved_by,
    closedAt: iso(row.closed_at),
    closedBy: row.closed_by,
    reviewRequired: Boolean(Number(row.review_required)),
    reviewDoneAt: iso(row.review_done_at),
    mttaSeconds: seconds(row.triggered_at, acknowledged),
    mttrSeconds: seconds(row.triggered_at, resolved),
    sla: {
      // Resolving without an acknowledgement is a response too.
      response: { dueAt: iso(row.response_due_at)!, metAt: iso(acknowledged ?? resolved), breachedAt: iso(row.response_breached_at) },
      resolution: { dueAt: iso(row.resolution_due_at)!, metAt: iso(resolved), breachedAt: iso(row.resolution_breached_at) },
    },
    possibleBreach: Boolean(Number(row.possible_breach)),
    breachClock:
      flagged === null
        ? null
        : {
            startedAt: iso(flagged)!,
            dueAt: iso(flagged + BREACH_WINDOW_MS)!,
            notifiedAt: iso(row.breach_notified_at),
            notifiedBy: row.breach_notified_by,
            overdueAt: iso(row.breach_overdue_at),
            reminders: reminders.map((r) => ({
              at: r.at,
              hoursElapsed: Number(r.detail?.hoursElapsed ?? 0),
              overdue: Boolean(r.detail?.overdue),
              recipients: (r.detail?.recipients as string[] | undefined) ?? [],
            })),
          },
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function toAlert(row: IncidentAlertsTable): IncidentAlert {
  return {
    alertId: row.alert_id,
    status: row.status,
    summary: row.summary,
    severity: row.severity,
    labels: JSON.parse(row.labels),
    attachedAt: iso(row.attached_at)!,
    resolvedAt: iso(row.resolved_at),
  };
}

export function toEvent(row: IncidentEventsTable): TimelineEvent {
  return {
    id: row.id,
    at: iso(row.at)!,
    kind: row.kind,
    actor: { type: row.actor_type, id: row.actor_id, display: row.actor_display },
    detail: row.detail === null ? null : JSON.parse(row.detail),
  };
}

export async function findIncident(ctx: Ctx, id: string, lock = false): Promise<IncidentsTable | undefined> {
  return incidentsDb(ctx.db)
    .selectFrom('incidents')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', id)
    .$if(lock && ctx.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function getIncidentInOrg(ctx: Ctx, id: string, lock = false): Promise<IncidentsTable> {
  const row = await findIncident(ctx, id, lock);
  if (!row) throw new AppError('INCIDENT_NOT_FOUND', 'Incident not found');
  return row;
}

/** Breach reminders of the incidents, oldest first, by incident id. */
export async function remindersOf(ctx: Ctx, rows: IncidentsTable[]): Promise<Map<string, TimelineEvent[]>> {
  const ids = rows.filter((r) => r.breach_flagged_at !== null).map((r) => r.id);
  const out = new Map<string, TimelineEvent[]>();
  if (ids.length === 0) return out;
  const events = await incidentsDb(ctx.db)
    .selectFrom('incident_events')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('incident_id', 'in', ids)
    .where('kind', '=', BREACH_REMINDER_KIND)
    .orderBy('at')
    .orderBy('seq')
    .execute();
  const flaggedAt = new Map(rows.map((r) => [r.id, num(r.breach_flagged_at)]));
  for (const e of events) {
    const event = toEvent(e);
    // Reminders of an earlier flag (cleared and set again) belong to that clock, not this one.
    if (Number(event.detail?.flaggedAt) !== flaggedAt.get(e.incident_id)) continue;
    out.set(e.incident_id, [...(out.get(e.incident_id) ?? []), event]);
  }
  return out;
}

export async function presentIncident(ctx: Ctx, row: IncidentsTable): Promise<Incident> {
  return toIncident(row, (await remindersOf(ctx, [row])).get(row.id));
}

export interface TimelineEntry {
  kind: string;
  detail?: Record<string, unknown> | null;
  /** Makes the entry idempotent: a second entry with the same key is not recorded. */
  key?: string;
  at?: number;
}

/** Appends one event to the incident's timeline with the context's actor; its id, or null when its key was recorded before. */
export async function recordTimeline(ctx: Ctx, incidentId: string, entry: TimelineEntry): Promise<string | null> {
  const now = ctx.clock.now();
  const last = await incidentsDb(ctx.db).selectFrom('incident_events').select((eb) => eb.fn.max('seq').as('seq')).where('incident_id', '=', incidentId).executeTakeFirst();
  const row: IncidentEventsTable = {
    id: newId(now),
    seq: Number(last?.seq ?? 0) + 1,
    org_id: ctx.orgId,
    incident_id: incidentId,
    event_key: entry.key ?? null,
    at: entry.at ?? now,
    kind: entry.kind,
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id,
    actor_display: ctx.actor.display,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  };
  const r = await incidentsDb(ctx.db).insertInto('incident_events').values(row).onConflict((oc) => oc.column('event_key').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0 ? row.id : null;
}

/** Records a timeline entry and answers it as the API shows it. */
export async function appendTimeline(ctx: Ctx, incidentId: string, entry: TimelineEntry): Promise<TimelineEvent> {
  const eventId = (await recordTimeline(ctx, incidentId, entry))!;
  return toEvent(await incidentsDb(ctx.db).selectFrom('incident_events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow());
}

/** The organization an incident belongs to, whatever the caller's (only for signed links, which are checked with that organization's key). */
export async function orgOfIncident(db: Executor, incidentId: string): Promise<string | null> {
  const row = await incidentsDb(db).selectFrom('incidents').select('org_id').where('id', '=', incidentId).executeTakeFirst();
  return row?.org_id ?? null;
}

type Guard = (eb: ExpressionBuilder<IncidentTables, 'incidents'>) => Expression<SqlBool>;

/**
 * Updates the organization's incident only while `guard` holds (a conditional update: of two
 * racing changes one wins) and answers the updated row, or undefined when the guard failed.
 */
export async function updateIncident(ctx: Ctx, id: string, changes: Updateable<IncidentsTable>, guard?: Guard): Promise<IncidentsTable | undefined> {
  return incidentsDb(ctx.db)
    .updateTable('incidents')
    .set({ ...changes, updated_at: ctx.clock.now() })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', id)
    .$if(guard !== undefined, (qb) => qb.where(guard!))
    .returningAll()
    .executeTakeFirst();
}
