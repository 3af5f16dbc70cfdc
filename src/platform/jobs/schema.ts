import type { CustosMigration } from '../db/index.ts';

export type JobsTable = {
  id: string;
  kind: string;
  org_id: string | null;
  payload: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  due_at: number;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  idempotency_key: string | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
};

export type JobTables = {
  jobs: JobsTable;
};

export const jobsMigration: CustosMigration = {
  async up(db) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'bigint')
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint')
      .execute();
    await db.schema.createIndex('jobs_pending_due').on('jobs').columns(['status', 'due_at']).execute();
    await db.schema.createIndex('jobs_running_lease').on('jobs').columns(['status', 'lease_expires_at']).execute();
  },
};

/** A claim of one kind (a batch kind, looked at on every poll) seeks its own due jobs instead of scanning every due job. */
export const jobsKindIndexMigration: CustosMigration = {
  async up(db) {
    await db.schema.createIndex('jobs_status_kind_due').on('jobs').columns(['status', 'kind', 'due_at']).execute();
  },
};
