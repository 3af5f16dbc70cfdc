import type { CustosMigration } from '../../platform/db/index.ts';

export type DeliveryOutcome = 'processed' | 'ignored' | 'rejected';

export type IntegrationsTable = {
  id: string;
  org_id: string;
  name: string;
  type: string;
  /** JSON of the non-secret settings. */
  settings: string;
  /** SecretBox of the JSON of the secret settings (signing secret, bearer token); null when none. */
  secrets: string | null;
  labels: string;
  /** SHA-256 of the secret in `/hooks/<token>`; the token itself is shown once. */
  token_hash: string;
  token_prefix: string;
  created_at: number;
  updated_at: number;
};

/** One row per delivery a sender made to a known integration; a replayed delivery adds none. */
export type DeliveriesTable = {
  id: string;
  org_id: string;
  integration_id: string;
  received_at: number;
  /** What the sender said happened (`workflow_run.completed`, `trigger`, `firing`), or null when unreadable. */
  event: string | null;
  /** The sender's own delivery id (GitHub's X-GitHub-Delivery); unique per integration. */
  sender_delivery_id: string | null;
  /** SHA-256 of the body as received. */
  content_hash: string;
  body_bytes: number;
  /** The HTTP status the sender was answered with. */
  status: number;
  outcome: DeliveryOutcome;
  /** JSON array of the alert dedup keys the delivery named. */
  dedup_keys: string;
  /** JSON array of AppliedChange: what each named alert came to. */
  changes: string;
  error: string | null;
  /** Why a well-formed delivery changed nothing (a ping, another workflow). */
  note: string | null;
  /** How many times the same delivery came again and was answered without being applied. */
  redeliveries: number;
  last_redelivery_at: number | null;
};

/** Per integration and alert: the alert it raised and the last delivery that named it. */
export type AlertKeysTable = {
  integration_id: string;
  dedup_key: string;
  org_id: string;
  alert_id: string | null;
  last_content_hash: string;
  last_delivery_id: string;
  updated_at: number;
};

export type IntegrationTables = {
  integrations: IntegrationsTable;
  integration_deliveries: DeliveriesTable;
  integration_alert_keys: AlertKeysTable;
};

export const integrationMigrations: Record<string, CustosMigration> = {
  '2026-12-02-0100-integrations': {
    async up(db) {
      await db.schema
        .createTable('integrations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('secrets', 'text')
        .addColumn('labels', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('token_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('integrations_org_name').on('integrations').columns(['org_id', 'name', 'id']).execute();

      await db.schema
        .createTable('integration_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('integration_id', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('event', 'text')
        .addColumn('sender_delivery_id', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('body_bytes', 'integer', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('dedup_keys', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('note', 'text')
        .addColumn('redeliveries', 'integer', (c) => c.notNull())
        .addColumn('last_redelivery_at', 'bigint')
        .execute();
      // Both engines treat NULLs as distinct here, so only deliveries with a sender id are constrained.
      await db.schema.createIndex('integration_deliveries_sender_id').on('integration_deliveries').columns(['integration_id', 'sender_delivery_id']).unique().execute();
      await db.schema.createIndex('integration_deliveries_list').on('integration_deliveries').columns(['org_id', 'integration_id', 'id']).execute();

      await db.schema
        .createTable('integration_alert_keys')
        .addColumn('integration_id', 'text', (c) => c.notNull())
        .addColumn('dedup_key', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('alert_id', 'text')
        .addColumn('last_content_hash', 'text', (c) => c.notNull())
        .addColumn('last_delivery_id', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('integration_alert_keys_pk', ['integration_id', 'dedup_key'])
        .execute();
    },
  },
};
