import type { CustosMigration } from '../../platform/db/index.ts';

export type RunbooksTable = {
  id: string;
  org_id: string;
  /** Unique per organization; `custos runbook put` finds a runbook by it. */
  slug: string;
  /** Title, match and body of the current version, copied here so lists and matching read one table. */
  title: string;
  /** Canonical JSON object of label pairs, keys sorted. */
  match: string;
  body: string;
  version: number;
  created_at: number;
  updated_at: number;
};

/** Immutable: every edit appends a row. */
export type RunbookVersionsTable = {
  id: string;
  org_id: string;
  runbook_id: string;
  version: number;
  title: string;
  match: string;
  body: string;
  note: string | null;
  actor_type: string;
  actor_id: string;
  actor_display: string;
  created_at: number;
};

export type RunbookTables = {
  runbooks: RunbooksTable;
  runbook_versions: RunbookVersionsTable;
};

export const runbookMigrations: Record<string, CustosMigration> = {
  '2026-12-10-0100-runbooks': {
    async up(db) {
      await db.schema
        .createTable('runbooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('match', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('runbooks_org_slug', ['org_id', 'slug'])
        .execute();

      await db.schema
        .createTable('runbook_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('runbook_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('match', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_display', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('runbook_versions_number', ['runbook_id', 'version'])
        .execute();
    },
  },
};
