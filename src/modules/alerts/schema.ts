import type { CustosMigration } from '../../platform/db/index.ts';

export type AlertStatus = 'firing' | 'resolved';
export type Severity = 'critical' | 'error' | 'warning' | 'info';
export type AlertSource = 'monitor' | 'integration' | 'self' | 'error-rule';

export type AlertsTable = {
  id: string;
  org_id: string;
  dedup_key: string;
  /** JSON: the label set routing, silences and inhibition match on. */
  labels: string;
  /** JSON: summary, description, runbook and anything else the source adds. */
  annotations: string;
  status: AlertStatus;
  severity: Severity;
  source: AlertSource;
  starts_at: number;
  ends_at: number | null;
  last_seen_at: number;
  /** When the source event that set the current status happened; older events are ignored. */
  status_at: number;
  fire_count: number;
  /** Increases each time a resolved alert fires again. */
  episode: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  /** Why notifications are held back regardless of routing (`maintenance`), or null. */
  suppressed: string | null;
  /** JSON arrays of silence ids and inhibiting alert ids, as found at the last flush. */
  silenced_by: string;
  inhibited_by: string;
  generator_url: string | null;
  created_at: number;
  updated_at: number;
};

export type AlertEventsTable = {
  id: string;
  org_id: string;
  alert_id: string;
  /** Orders the alert's events; events written in the same millisecond keep their order. */
  seq: number;
  at: number;
  episode: number;
  type: string;
  actor: string;
  /** JSON */
  data: string;
};

/** Every saved version of an organization's routing document; the highest is in force. */
export type AlertRoutingTable = {
  org_id: string;
  version: number;
  document: string;
  created_at: number;
  created_by: string;
};

export type SilencesTable = {
  id: string;
  org_id: string;
  /** JSON array of matcher strings. */
  matchers: string;
  starts_at: number;
  ends_at: number;
  comment: string;
  created_by: string;
  created_by_type: string;
  created_by_id: string;
  created_at: number;
  updated_at: number;
};

/** An aggregation group: one route and one set of group-by label values. */
export type AlertGroupsTable = {
  id: string;
  org_id: string;
  group_key: string;
  route_id: string;
  route_path: string;
  /** JSON: the group-by label values. */
  labels: string;
  /** JSON RouteSettings, refreshed from the routing document at each flush. */
  settings: string;
  /** When the first flush of the current run of the group is due (creation + group_wait). */
  anchor_at: number;
  next_flush_at: number | null;
  /** Bumped whenever next_flush_at changes; a flush job carrying an older value is stale. */
  flush_seq: number;
  last_flush_at: number | null;
  last_notified_at: number | null;
  created_at: number;
  updated_at: number;
};

export type AlertGroupMembersTable = {
  group_id: string;
  alert_id: string;
  org_id: string;
  added_at: number;
  /** The alert's status in the group's last notification; null when it was not in it. */
  notified_status: AlertStatus | null;
};

export type AlertTables = {
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  alert_routing: AlertRoutingTable;
  silences: SilencesTable;
  alert_groups: AlertGroupsTable;
  alert_group_members: AlertGroupMembersTable;
};

export const alertMigrations: Record<string, CustosMigration> = {
  '2026-11-23-0500-alerts': {
    async up(db) {
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('dedup_key', 'text', (c) => c.notNull())
        .addColumn('labels', 'text', (c) => c.notNull())
        .addColumn('annotations', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint')
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('status_at', 'bigint', (c) => c.notNull())
        .addColumn('fire_count', 'integer', (c) => c.notNull())
        .addColumn('episode', 'integer', (c) => c.notNull())
        .addColumn('acknowledged_at', 'bigint')
        .addColumn('acknowledged_by', 'text')
        .addColumn('suppressed', 'text')
        .addColumn('silenced_by', 'text', (c) => c.notNull())
        .addColumn('inhibited_by', 'text', (c) => c.notNull())
        .addColumn('generator_url', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('alerts_org_dedup', ['org_id', 'dedup_key'])
        .execute();
      await db.schema.createIndex('alerts_org_status').on('alerts').columns(['org_id', 'status']).execute();

      await db.schema
        .createTable('alert_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('episode', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_events_alert').on('alert_events').columns(['alert_id', 'seq']).execute();

      await db.schema
        .createTable('alert_routing')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_routing_pk', ['org_id', 'version'])
        .execute();

      await db.schema
        .createTable('silences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('matchers', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_type', 'text', (c) => c.notNull())
        .addColumn('created_by_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('silences_org_ends').on('silences').columns(['org_id', 'ends_at']).execute();

      await db.schema
        .createTable('alert_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('group_key', 'text', (c) => c.notNull())
        .addColumn('route_id', 'text', (c) => c.notNull())
        .addColumn('route_path', 'text', (c) => c.notNull())
        .addColumn('labels', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('anchor_at', 'bigint', (c) => c.notNull())
        .addColumn('next_flush_at', 'bigint')
        .addColumn('flush_seq', 'integer', (c) => c.notNull())
        .addColumn('last_flush_at', 'bigint')
        .addColumn('last_notified_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('alert_groups_org_key', ['org_id', 'group_key'])
        .execute();

      await db.schema
        .createTable('alert_group_members')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .addColumn('notified_status', 'text')
        .addPrimaryKeyConstraint('alert_group_members_pk', ['group_id', 'alert_id'])
        .execute();
      await db.schema.createIndex('alert_group_members_alert').on('alert_group_members').column('alert_id').execute();
    },
  },
};
