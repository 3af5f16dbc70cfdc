import type { CustosMigration } from '../../platform/db/index.ts';

export type StatusPagesTable = {
  id: string;
  org_id: string;
  /** Globally unique: it is the public URL `/status/<slug>`. */
  slug: string;
  title: string;
  description: string | null;
  logo_url: string | null;
  brand_color: string;
  accent_color: string;
  /** Lowercase host name matched on the Host header; globally unique. */
  custom_domain: string | null;
  password_hash: string | null;
  /** Signs the viewer cookie of a password-protected page; replaced when the password changes. */
  cookie_secret: string;
  published: number;
  show_uptime: number;
  created_at: number;
  updated_at: number;
};

export type StatusPageComponentsTable = {
  id: string;
  org_id: string;
  page_id: string;
  name: string;
  description: string | null;
  position: number;
  group_name: string | null;
  /** JSON array of monitor ids; the component shows the worst of their states. */
  monitor_ids: string;
  created_at: number;
  updated_at: number;
};

export type IncidentImpact = 'none' | 'minor' | 'major' | 'critical';
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';

export type StatusPageIncidentsTable = {
  id: string;
  org_id: string;
  page_id: string;
  /** The internal incident this public notice tells customers about, when there is one. */
  incident_id: string | null;
  title: string;
  impact: IncidentImpact;
  /** The status of the latest update. */
  status: IncidentStatus;
  /** JSON array of component ids on the same page. */
  component_ids: string;
  started_at: number;
  resolved_at: number | null;
  /** How many updates were posted; numbers them, so updates at the same instant keep their order. */
  update_count: number;
  created_at: number;
  updated_at: number;
};

export type StatusPageIncidentUpdatesTable = {
  id: string;
  org_id: string;
  page_incident_id: string;
  /** 1, 2, ... per incident, in posting order. */
  seq: number;
  status: IncidentStatus;
  message: string;
  at: number;
  created_at: number;
};

export type StatusPageMaintenancesTable = {
  id: string;
  org_id: string;
  page_id: string;
  title: string;
  description: string | null;
  starts_at: number;
  ends_at: number;
  component_ids: string;
  created_at: number;
  updated_at: number;
};

export type StatusPageTables = {
  status_pages: StatusPagesTable;
  status_page_components: StatusPageComponentsTable;
  status_page_incidents: StatusPageIncidentsTable;
  status_page_incident_updates: StatusPageIncidentUpdatesTable;
  status_page_maintenances: StatusPageMaintenancesTable;
};

export const statusPageMigrations: Record<string, CustosMigration> = {
  '2026-11-22-0400-statuspages': {
    async up(db) {
      await db.schema
        .createTable('status_pages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('logo_url', 'text')
        .addColumn('brand_color', 'text', (c) => c.notNull())
        .addColumn('accent_color', 'text', (c) => c.notNull())
        .addColumn('custom_domain', 'text', (c) => c.unique())
        .addColumn('password_hash', 'text')
        .addColumn('cookie_secret', 'text', (c) => c.notNull())
        .addColumn('published', 'integer', (c) => c.notNull())
        .addColumn('show_uptime', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('status_pages_org').on('status_pages').columns(['org_id', 'slug']).execute();

      await db.schema
        .createTable('status_page_components')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('page_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('group_name', 'text')
        .addColumn('monitor_ids', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('status_page_components_page').on('status_page_components').columns(['page_id', 'position']).execute();

      await db.schema
        .createTable('status_page_incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('page_id', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('impact', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('component_ids', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('resolved_at', 'bigint')
        .addColumn('update_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('status_page_incidents_page').on('status_page_incidents').columns(['page_id', 'started_at']).execute();
      await db.schema.createIndex('status_page_incidents_incident').on('status_page_incidents').columns(['org_id', 'incident_id']).execute();

      await db.schema
        .createTable('status_page_incident_updates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('page_incident_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('status_page_incident_updates_seq', ['page_incident_id', 'seq'])
        .execute();
      await db.schema.createIndex('status_page_incident_updates_incident').on('status_page_incident_updates').columns(['page_incident_id', 'at']).execute();

      await db.schema
        .createTable('status_page_maintenances')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('page_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('component_ids', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('status_page_maintenances_page').on('status_page_maintenances').columns(['page_id', 'ends_at']).execute();
    },
  },
};
