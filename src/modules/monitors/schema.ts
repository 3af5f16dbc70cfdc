import type { CustosMigration } from '../../platform/db/index.ts';

export type MonitorState = 'pending' | 'up' | 'degraded' | 'down' | 'paused' | 'maintenance';
export type HealthState = 'pending' | 'up' | 'degraded' | 'down';

export type MonitorsTable = {
  id: string;
  org_id: string;
  name: string;
  type: string;
  /** Plain settings, each credential in its masked form. */
  settings: string;
  /** The credentials, encrypted with the secret box (null when the settings hold none). */
  secrets: string | null;
  labels: string;
  interval_s: number;
  timeout_ms: number;
  retry_interval_s: number;
  confirm_down: number;
  confirm_up: number;
  paused: number;
  /** What people see: health, unless paused or in maintenance. */
  state: MonitorState;
  state_since: number;
  state_reason: string | null;
  /** The evaluator's view of the target, kept through pauses and maintenance. */
  health_state: HealthState;
  consecutive_failures: number;
  consecutive_successes: number;
  last_check_at: number | null;
  last_outcome: string | null;
  last_latency_ms: number | null;
  next_due_at: number | null;
  created_at: number;
  updated_at: number;
};

export type CheckResultsTable = {
  org_id: string;
  monitor_id: string;
  at: number;
  outcome: 'up' | 'degraded' | 'down';
  latency_ms: number;
  error_code: string | null;
  message: string | null;
  timings: string | null;
  details: string | null;
};

export type MonitorFlipsTable = {
  id: string;
  org_id: string;
  monitor_id: string;
  at: number;
  from_state: MonitorState;
  to_state: MonitorState;
  reason: string | null;
};

export type CoverageGapsTable = {
  id: string;
  org_id: string;
  monitor_id: string;
  from_at: number;
  to_at: number;
  missed_checks: number;
  cause: 'process_down' | 'overload' | 'internal_error';
  detail: string | null;
};

export type MonitorRollupsTable = {
  org_id: string;
  monitor_id: string;
  /** `hour` or `day`. */
  period: string;
  start_at: number;
  expected: number;
  executed: number;
  up: number;
  degraded: number;
  down: number;
  latency_p50: number | null;
  latency_p95: number | null;
  latency_p99: number | null;
  latency_avg: number | null;
  up_ms: number;
  degraded_ms: number;
  down_ms: number;
  maintenance_ms: number;
  nodata_ms: number;
};

export type MaintenanceWindowsTable = {
  id: string;
  org_id: string;
  name: string;
  /** JSON: { monitorIds?: string[], labels?: Record<string,string> } */
  selector: string;
  /** JSON: { kind: 'once', startsAt, endsAt } | { kind: 'cron', cron, timezone, durationMinutes } | { kind: 'weekly', days, time, timezone, durationMinutes } */
  schedule: string;
  active: number;
  created_at: number;
  updated_at: number;
};

export type TlsCertificatesTable = {
  id: string;
  org_id: string;
  monitor_id: string;
  fingerprint: string;
  subject: string;
  issuer: string;
  serial: string;
  key_type: string | null;
  not_before: number | null;
  not_after: number;
  first_seen_at: number;
  last_seen_at: number;
};

export type SchedulerLeasesTable = { name: string; owner: string; expires_at: number; heartbeat_at: number };

export type MonitorTables = {
  monitors: MonitorsTable;
  check_results: CheckResultsTable;
  monitor_flips: MonitorFlipsTable;
  coverage_gaps: CoverageGapsTable;
  monitor_rollups: MonitorRollupsTable;
  maintenance_windows: MaintenanceWindowsTable;
  tls_certificates: TlsCertificatesTable;
  scheduler_leases: SchedulerLeasesTable;
};

export const monitorMigrations: Record<string, CustosMigration> = {
  // The list's keyset pagination, `(name, id) > (cursor)`, seeks straight to the next page.
  '2026-12-12-0100-monitors-list-order': {
    async up(db) {
      await db.schema.createIndex('monitors_org_name_id').on('monitors').columns(['org_id', 'name', 'id']).execute();
      await db.schema.dropIndex('monitors_org').execute();
    },
  },
  '2026-12-11-0100-monitor-secrets': {
    async up(db) {
      await db.schema.alterTable('monitors').addColumn('secrets', 'text').execute();
    },
  },
  '2026-11-22-0300-monitors': {
    async up(db) {
      await db.schema
        .createTable('monitors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('labels', 'text', (c) => c.notNull())
        .addColumn('interval_s', 'integer', (c) => c.notNull())
        .addColumn('timeout_ms', 'integer', (c) => c.notNull())
        .addColumn('retry_interval_s', 'integer', (c) => c.notNull())
        .addColumn('confirm_down', 'integer', (c) => c.notNull())
        .addColumn('confirm_up', 'integer', (c) => c.notNull())
        .addColumn('paused', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('state_since', 'bigint', (c) => c.notNull())
        .addColumn('state_reason', 'text')
        .addColumn('health_state', 'text', (c) => c.notNull())
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
        .addColumn('consecutive_successes', 'integer', (c) => c.notNull())
        .addColumn('last_check_at', 'bigint')
        .addColumn('last_outcome', 'text')
        .addColumn('last_latency_ms', 'integer')
        .addColumn('next_due_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('monitors_org').on('monitors').columns(['org_id', 'name']).execute();
      await db.schema.createIndex('monitors_updated').on('monitors').column('updated_at').execute();

      await db.schema
        .createTable('check_results')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('monitor_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .addColumn('message', 'text')
        .addColumn('timings', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('check_results_monitor_at').on('check_results').columns(['monitor_id', 'at']).execute();
      await db.schema.createIndex('check_results_at').on('check_results').column('at').execute();

      await db.schema
        .createTable('monitor_flips')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('monitor_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('from_state', 'text', (c) => c.notNull())
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .execute();
      await db.schema.createIndex('monitor_flips_monitor_at').on('monitor_flips').columns(['monitor_id', 'at']).execute();

      await db.schema
        .createTable('coverage_gaps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('monitor_id', 'text', (c) => c.notNull())
        .addColumn('from_at', 'bigint', (c) => c.notNull())
        .addColumn('to_at', 'bigint', (c) => c.notNull())
        .addColumn('missed_checks', 'integer', (c) => c.notNull())
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('coverage_gaps_monitor').on('coverage_gaps').columns(['monitor_id', 'from_at']).execute();

      await db.schema
        .createTable('monitor_rollups')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('monitor_id', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('start_at', 'bigint', (c) => c.notNull())
        .addColumn('expected', 'integer', (c) => c.notNull())
        .addColumn('executed', 'integer', (c) => c.notNull())
        .addColumn('up', 'integer', (c) => c.notNull())
        .addColumn('degraded', 'integer', (c) => c.notNull())
        .addColumn('down', 'integer', (c) => c.notNull())
        .addColumn('latency_p50', 'real')
        .addColumn('latency_p95', 'real')
        .addColumn('latency_p99', 'real')
        .addColumn('latency_avg', 'real')
        .addColumn('up_ms', 'bigint', (c) => c.notNull())
        .addColumn('degraded_ms', 'bigint', (c) => c.notNull())
        .addColumn('down_ms', 'bigint', (c) => c.notNull())
        .addColumn('maintenance_ms', 'bigint', (c) => c.notNull())
        .addColumn('nodata_ms', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('monitor_rollups_pk', ['monitor_id', 'period', 'start_at'])
        .execute();

      await db.schema
        .createTable('maintenance_windows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('selector', 'text', (c) => c.notNull())
        .addColumn('schedule', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('maintenance_windows_org').on('maintenance_windows').column('org_id').execute();

      await db.schema
        .createTable('tls_certificates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('monitor_id', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('serial', 'text', (c) => c.notNull())
        .addColumn('key_type', 'text')
        .addColumn('not_before', 'bigint')
        .addColumn('not_after', 'bigint', (c) => c.notNull())
        .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('tls_certificates_monitor_fp', ['monitor_id', 'fingerprint'])
        .execute();

      await db.schema
        .createTable('scheduler_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
