import type { CustosMigration } from '../../platform/db/index.ts';

export type DeliveryState = 'pending' | 'retrying' | 'delivered' | 'failed' | 'skipped';
export const FINAL_STATES: ReadonlySet<string> = new Set(['delivered', 'failed', 'skipped']);

export type ChannelsTable = {
  id: string;
  org_id: string;
  name: string;
  type: string;
  /** JSON of the non-secret settings. */
  settings: string;
  /** SecretBox of the JSON of the secret settings; null when the channel has none. */
  secrets: string | null;
  labels: string;
  /** JSON `{ title?, text?, html? }` of custom mustache templates, or null for the defaults. */
  template: string | null;
  enabled: number;
  created_at: number;
  updated_at: number;
};

/** One row per (dispatch, channel) job: the delivery's current state, the receipts its history. */
export type DeliveriesTable = {
  id: string;
  org_id: string;
  dispatch_id: string;
  channel_id: string;
  job_id: string;
  group_key: string;
  alert_ids: string;
  fallback: number;
  state: DeliveryState;
  attempts: number;
  reserved_slot_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
};

/** A lock row per dispatch, and whether the fallback path already ran for it. */
export type DispatchesTable = { id: string; org_id: string; settled_at: number | null; outcome: string | null; created_at: number };

export type ReceiptsTable = {
  id: string;
  org_id: string;
  channel_id: string;
  channel_type: string;
  dispatch_id: string | null;
  delivery_id: string | null;
  job_id: string | null;
  alert_ids: string;
  group_key: string | null;
  message_kind: string;
  attempt: number;
  state: DeliveryState;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  idempotency_key: string;
  test: number;
  fallback: number;
  at: number;
  next_attempt_at: number | null;
};

export type NotificationSettingsTable = { org_id: string; fallback_channel_id: string | null; redact_fields: string; updated_at: number };
export type RateLimitsTable = { channel_id: string; next_allowed_at: number };
export type ThreadsTable = { channel_id: string; thread_key: string; org_id: string; value: string; updated_at: number };

export type NotificationTables = {
  notification_channels: ChannelsTable;
  notification_deliveries: DeliveriesTable;
  notification_dispatches: DispatchesTable;
  notification_receipts: ReceiptsTable;
  notification_settings: NotificationSettingsTable;
  notification_rate_limits: RateLimitsTable;
  notification_threads: ThreadsTable;
};

export const notificationMigrations: Record<string, CustosMigration> = {
  '2026-11-22-0710-notifications': {
    async up(db) {
      await db.schema
        .createTable('notification_channels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('secrets', 'text')
        .addColumn('labels', 'text', (c) => c.notNull())
        .addColumn('template', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notification_channels_org').on('notification_channels').columns(['org_id', 'name']).execute();

      await db.schema
        .createTable('notification_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('dispatch_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('group_key', 'text', (c) => c.notNull())
        .addColumn('alert_ids', 'text', (c) => c.notNull())
        .addColumn('fallback', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('reserved_slot_at', 'bigint')
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema.createIndex('notification_deliveries_dispatch').on('notification_deliveries').column('dispatch_id').execute();

      await db.schema
        .createTable('notification_dispatches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('settled_at', 'bigint')
        .addColumn('outcome', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('notification_receipts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('channel_type', 'text', (c) => c.notNull())
        .addColumn('dispatch_id', 'text')
        .addColumn('delivery_id', 'text')
        .addColumn('job_id', 'text')
        .addColumn('alert_ids', 'text', (c) => c.notNull())
        .addColumn('group_key', 'text')
        .addColumn('message_kind', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('test', 'integer', (c) => c.notNull())
        .addColumn('fallback', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint')
        .execute();
      await db.schema.createIndex('notification_receipts_org_at').on('notification_receipts').columns(['org_id', 'at']).execute();
      await db.schema.createIndex('notification_receipts_channel').on('notification_receipts').columns(['org_id', 'channel_id', 'at']).execute();
      await db.schema.createIndex('notification_receipts_dispatch').on('notification_receipts').columns(['org_id', 'dispatch_id']).execute();

      await db.schema
        .createTable('notification_settings')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('fallback_channel_id', 'text')
        .addColumn('redact_fields', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('notification_rate_limits')
        .addColumn('channel_id', 'text', (c) => c.primaryKey())
        .addColumn('next_allowed_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('notification_threads')
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('thread_key', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notification_threads_pk', ['channel_id', 'thread_key'])
        .execute();
    },
  },
};
