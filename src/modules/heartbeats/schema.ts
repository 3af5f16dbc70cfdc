import { sql, type CustosMigration } from '../../platform/db/index.ts';

export type HeartbeatHealth = 'pending' | 'up' | 'degraded' | 'down';
/** `ignored`: a plain ping whose body matched none of the configured keywords. */
export type PingKind = 'success' | 'fail' | 'start' | 'log' | 'ignored';
export type PingSource = 'uuid' | 'slug' | 'push';

/** One row per heartbeat monitor: its secret URLs and the state its pings and deadlines drive. */
export type HeartbeatsTable = {
  monitor_id: string;
  org_id: string;
  /** The secret in `/ping/<uuid>`. */
  ping_id: string;
  /** The secret in `/api/push/<token>` (the settings' `pushToken`, else generated). */
  push_token: string;
  slug: string | null;
  /** The monitor's `updated_at` whose settings this row reflects. */
  config_at: number;
  health: HeartbeatHealth;
  last_ping_at: number | null;
  last_ping_kind: PingKind | null;
  /** Last success or failure: the schedule counts from it. */
  last_finish_at: number | null;
  next_expected_at: number | null;
  /**
   * When the sweep must look at this row next; null when nothing can happen without a ping. Never
   * later than the true next deadline, but may be earlier: a ping that moves it later leaves it (one
   * index write per period instead of per ping) and the sweep, finding nothing due, corrects it.
   */
  next_deadline: number | null;
  /** JSON `[{ rid, at }]`: started runs awaiting their finish. */
  open_runs: string;
  /** 1 while the sweep found the monitor paused: its deadlines wait for the resume. */
  suspended: number;
  ping_count: number;
  created_at: number;
  updated_at: number;
};

export type HeartbeatPingsTable = {
  id: string;
  org_id: string;
  monitor_id: string;
  at: number;
  kind: PingKind;
  exit_status: number | null;
  rid: string | null;
  duration_ms: number | null;
  /** The first `bodyLimit` bytes of the request body, as text. */
  body: string | null;
  /** The size of the whole body as received. */
  body_bytes: number;
  source: PingSource;
  method: string;
  remote_addr: string | null;
  user_agent: string | null;
};

/** Per-organization key of the slug URLs `/ping/<key>/<slug>`; only its hash is kept. */
export type HeartbeatPingKeysTable = {
  org_id: string;
  key_hash: string;
  prefix: string;
  created_at: number;
};

export type HeartbeatTables = {
  heartbeats: HeartbeatsTable;
  heartbeat_pings: HeartbeatPingsTable;
  heartbeat_ping_keys: HeartbeatPingKeysTable;
};

export const heartbeatMigrations: Record<string, CustosMigration> = {
  '2026-11-23-0600-heartbeats': {
    async up(db, dialect) {
      // SQLite: a table keyed by its primary key alone, so a ping writes one B-tree instead of three.
      const clustered = <T extends { modifyEnd(node: ReturnType<typeof sql.raw>): T }>(qb: T) => (dialect === 'sqlite' ? qb.modifyEnd(sql.raw('without rowid')) : qb);
      await db.schema
        .createTable('heartbeats')
        .addColumn('monitor_id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('ping_id', 'text', (c) => c.notNull().unique())
        .addColumn('push_token', 'text', (c) => c.notNull())
        .addColumn('slug', 'text')
        .addColumn('config_at', 'bigint', (c) => c.notNull())
        .addColumn('health', 'text', (c) => c.notNull())
        .addColumn('last_ping_at', 'bigint')
        .addColumn('last_ping_kind', 'text')
        .addColumn('last_finish_at', 'bigint')
        .addColumn('next_expected_at', 'bigint')
        .addColumn('next_deadline', 'bigint')
        .addColumn('open_runs', 'text', (c) => c.notNull())
        .addColumn('suspended', 'integer', (c) => c.notNull())
        .addColumn('ping_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .$call(clustered)
        .execute();
      await db.schema.createIndex('heartbeats_deadline').on('heartbeats').column('next_deadline').execute();
      await db.schema.createIndex('heartbeats_push_token').on('heartbeats').column('push_token').execute();
      await db.schema.createIndex('heartbeats_org_slug').on('heartbeats').columns(['org_id', 'slug']).execute();

      await db.schema
        .createTable('heartbeat_pings')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('monitor_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('exit_status', 'integer')
        .addColumn('rid', 'text')
        .addColumn('duration_ms', 'bigint')
        .addColumn('body', 'text')
        .addColumn('body_bytes', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('remote_addr', 'text')
        .addColumn('user_agent', 'text')
        .addPrimaryKeyConstraint('heartbeat_pings_pk', ['monitor_id', 'at', 'id'])
        .$call(clustered)
        .execute();

      await db.schema
        .createTable('heartbeat_ping_keys')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
