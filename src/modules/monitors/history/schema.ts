import type { CustosMigration } from '../../../platform/db/index.ts';
import type { MonitorRollupsTable, MonitorTables } from '../schema.ts';

export type MonitorRetentionTable = {
  org_id: string;
  raw_days: number;
  history_days: number;
  updated_at: number;
};

/** Rollups as this folder writes them: the base table plus the paused time it adds. */
export type RollupRow = MonitorRollupsTable & { paused_ms: number };

export type HistoryTables = Omit<MonitorTables, 'monitor_rollups'> & {
  monitor_rollups: RollupRow;
  monitor_retention: MonitorRetentionTable;
};

export const historyMigrations: Record<string, CustosMigration> = {
  '2026-11-22-0310-monitor-retention': {
    async up(db) {
      await db.schema
        .createTable('monitor_retention')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('raw_days', 'integer', (c) => c.notNull())
        .addColumn('history_days', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // Paused time is its own bucket, so an hour's ms always add up to the hour.
      await db.schema.alterTable('monitor_rollups').addColumn('paused_ms', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('monitor_rollups_period_start').on('monitor_rollups').columns(['period', 'start_at']).execute();
    },
  },
  // Covering indexes: the uptime summary and sparklines for thousands of monitors read only these.
  '2026-11-22-0311-monitor-history-indexes': {
    async up(db) {
      await db.schema.createIndex('monitor_flips_timeline').on('monitor_flips').columns(['monitor_id', 'at', 'id', 'org_id', 'from_state', 'to_state']).execute();
      await db.schema.createIndex('monitor_rollups_series').on('monitor_rollups').columns(['monitor_id', 'period', 'start_at', 'org_id', 'latency_avg']).execute();
    },
  },
};
