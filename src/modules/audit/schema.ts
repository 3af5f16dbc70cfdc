import type { CustosMigration } from '../../platform/db/index.ts';

export type AuditEventsTable = {
  org_id: string;
  seq: number;
  id: string;
  at: number;
  actor_type: string;
  actor_id: string;
  actor_display: string;
  action: string;
  subject_type: string;
  subject_id: string;
  data: string;
  prev_hash: string;
  hash: string;
};

export type AuditHeadsTable = {
  org_id: string;
  seq: number;
  hash: string;
  updated_at: number;
};

export type AuditTables = {
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
};

export const auditMigrations: Record<string, CustosMigration> = {
  '2026-11-22-0100-audit-chain': {
    async up(db) {
      await db.schema
        .createTable('audit_events')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_display', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_events_pk', ['org_id', 'seq'])
        .execute();
      await db.schema.createIndex('audit_events_action').on('audit_events').columns(['org_id', 'action', 'seq']).execute();
      await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['org_id', 'subject_type', 'subject_id']).execute();
      await db.schema.createIndex('audit_events_at').on('audit_events').columns(['org_id', 'at']).execute();
      await db.schema
        .createTable('audit_heads')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
