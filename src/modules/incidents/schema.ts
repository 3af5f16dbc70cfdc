import type { CustosMigration } from '../../platform/db/index.ts';

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved' | 'closed';
export type SeverityName = 'P0' | 'P1' | 'P2' | 'P3';

export type IncidentsTable = {
  id: string;
  org_id: string;
  title: string;
  description: string | null;
  status: IncidentStatus;
  severity: SeverityName;
  /** JSON `{ source, rule?, calendarRule? }`: why the incident has its severity. */
  severity_reason: string;
  source: 'alert' | 'manual';
  group_key: string | null;
  /** `<group key>` while the incident is open, else null: one open incident per aggregation group. */
  open_key: string | null;
  escalation_policy_id: string | null;
  /** JSON array of user ids. */
  assignees: string;
  /** JSON object of labels (from the first alert, or given). */
  labels: string;
  created_by: string;
  triggered_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  closed_at: number | null;
  closed_by: string | null;
  review_required: number;
  review_done_at: number | null;
  response_due_at: number;
  response_breached_at: number | null;
  resolution_due_at: number;
  resolution_breached_at: number | null;
  possible_breach: number;
  breach_flagged_at: number | null;
  breach_notified_at: number | null;
  breach_notified_by: string | null;
  breach_overdue_at: number | null;
  created_at: number;
  updated_at: number;
};

export type IncidentAlertsTable = {
  incident_id: string;
  alert_id: string;
  org_id: string;
  status: 'firing' | 'resolved';
  summary: string;
  severity: string;
  labels: string;
  attached_at: number;
  resolved_at: number | null;
};

export type IncidentEventsTable = {
  id: string;
  org_id: string;
  incident_id: string;
  /** Unique when set, so a job that runs twice records once. */
  event_key: string | null;
  at: number;
  kind: string;
  /** Order within the incident when events share a millisecond. */
  seq: number;
  actor_type: string;
  actor_id: string;
  actor_display: string;
  detail: string | null;
};

export type SeverityPoliciesTable = { org_id: string; version: number; document: string; updated_at: number; updated_by: string };

/** The organization's key for signed acknowledge/resolve links, sealed with the instance key. */
export type LinkKeysTable = { org_id: string; sealed_key: string; created_at: number };

export type IncidentTables = {
  incidents: IncidentsTable;
  incident_alerts: IncidentAlertsTable;
  incident_events: IncidentEventsTable;
  severity_policies: SeverityPoliciesTable;
  incident_link_keys: LinkKeysTable;
};

type Schema = Parameters<CustosMigration['up']>[0]['schema'];

async function incidentsUp(schema: Schema): Promise<void> {
  let t = schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text')
    .addColumn('open_key', 'text')
    .addColumn('escalation_policy_id', 'text')
    .addColumn('assignees', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull());
  for (const col of ['triggered_at', 'response_due_at', 'resolution_due_at', 'created_at', 'updated_at']) t = t.addColumn(col, 'bigint', (c) => c.notNull());
  for (const col of ['acknowledged_at', 'resolved_at', 'closed_at', 'review_done_at', 'response_breached_at', 'resolution_breached_at', 'breach_flagged_at', 'breach_notified_at', 'breach_overdue_at']) {
    t = t.addColumn(col, 'bigint');
  }
  for (const col of ['acknowledged_by', 'resolved_by', 'closed_by', 'breach_notified_by']) t = t.addColumn(col, 'text');
  await t
    .addColumn('review_required', 'integer', (c) => c.notNull())
    .addColumn('possible_breach', 'integer', (c) => c.notNull())
    .execute();
  await schema.createIndex('incidents_open_key').on('incidents').columns(['org_id', 'open_key']).unique().execute();
  await schema.createIndex('incidents_org_triggered').on('incidents').columns(['org_id', 'triggered_at', 'id']).execute();
  await schema.createIndex('incidents_group').on('incidents').columns(['org_id', 'group_key']).execute();

  await schema
    .createTable('incident_alerts')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .addPrimaryKeyConstraint('incident_alerts_pk', ['incident_id', 'alert_id'])
    .execute();

  await schema
    .createTable('incident_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('event_key', 'text', (c) => c.unique())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_display', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await schema.createIndex('incident_events_incident').on('incident_events').columns(['incident_id', 'at', 'id']).execute();

  await schema
    .createTable('severity_policies')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await schema
    .createTable('incident_link_keys')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('sealed_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export const incidentMigrations: Record<string, CustosMigration> = {
  '2026-11-25-0900-incidents': { up: (db) => incidentsUp(db.schema) },
  '2026-11-25-0910-incident-event-seq': { up: (db) => db.schema.alterTable('incident_events').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0)).execute() },
};
