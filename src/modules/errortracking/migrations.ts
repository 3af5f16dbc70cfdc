import type { CustosMigration, Db, Dialect } from '../../platform/db/index.ts';

async function projectsAndKeys(db: Db): Promise<void> {
  await db.schema
    .createTable('error_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('number', 'bigint', (c) => c.notNull().unique())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text')
    .addColumn('scrub_enabled', 'integer', (c) => c.notNull())
    .addColumn('scrub_fields', 'text', (c) => c.notNull())
    .addColumn('grouping_config', 'text', (c) => c.notNull())
    .addColumn('grouping_previous', 'text')
    .addColumn('grouping_previous_until', 'bigint')
    .addColumn('forward_dsn', 'text')
    .addColumn('forward_target', 'text')
    .addColumn('user_salt', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('error_projects_org_slug', ['org_id', 'slug'])
    .execute();

  await db.schema
    .createTable('error_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rate_limit_per_minute', 'integer')
    .addColumn('expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('error_keys_project').on('error_keys').columns(['project_id', 'created_at']).execute();
}

async function ingest(db: Db, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('error_ingest_queue')
    .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('error_ingest_queue_status').on('error_ingest_queue').columns(['status', 'seq']).execute();

  await db.schema
    .createTable('error_outcomes')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('hour', 'bigint', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('error_outcomes_pk', ['project_id', 'key_id', 'hour', 'category', 'outcome', 'reason'])
    .execute();

  await db.schema
    .createTable('error_scrub_counts')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('error_scrub_counts_pk', ['project_id', 'rule'])
    .execute();

  await db.schema
    .createTable('error_digest_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}

async function issues(db: Db): Promise<void> {
  await db.schema
    .createTable('error_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('culprit', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_regression', 'integer', (c) => c.notNull())
    .addColumn('regressed_at', 'bigint')
    .addColumn('regressed_in_release', 'text')
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolved_in_release', 'text')
    .addColumn('first_seen', 'bigint', (c) => c.notNull())
    .addColumn('last_seen', 'bigint', (c) => c.notNull())
    .addColumn('first_release', 'text')
    .addColumn('event_count', 'bigint', (c) => c.notNull())
    .addColumn('user_count', 'bigint', (c) => c.notNull())
    .addColumn('grouping_config', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('error_issues_org_last_seen').on('error_issues').columns(['org_id', 'last_seen']).execute();
  await db.schema.createIndex('error_issues_project_last_seen').on('error_issues').columns(['project_id', 'last_seen']).execute();

  await db.schema
    .createTable('error_issue_hashes')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text', (c) => c.notNull())
    .addColumn('grouping_config', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('error_issue_hashes_pk', ['project_id', 'hash'])
    .execute();

  await db.schema
    .createTable('error_events')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('release', 'text')
    .addColumn('environment', 'text')
    .addColumn('user_hash', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('error_events_pk', ['project_id', 'event_id'])
    .execute();
  await db.schema.createIndex('error_events_issue').on('error_events').columns(['issue_id', 'received_at']).execute();
  await db.schema.createIndex('error_events_received').on('error_events').column('received_at').execute();

  for (const [table, key, extra] of [
    ['error_issue_users', 'user_hash', []],
    ['error_issue_tags', 'key', ['value']],
    ['error_issue_releases', 'release', []],
    ['error_issue_minutes', 'minute', []],
  ] as const) {
    let t = db.schema.createTable(table).addColumn('issue_id', 'text', (c) => c.notNull());
    t = key === 'minute' ? t.addColumn('minute', 'bigint', (c) => c.notNull()) : t.addColumn(key, 'text', (c) => c.notNull());
    for (const column of extra) t = t.addColumn(column, 'text', (c) => c.notNull());
    if (table !== 'error_issue_minutes') t = t.addColumn('first_seen', 'bigint', (c) => c.notNull());
    if (table === 'error_issue_tags' || table === 'error_issue_releases') t = t.addColumn('last_seen', 'bigint', (c) => c.notNull());
    if (table !== 'error_issue_users') t = t.addColumn('count', 'bigint', (c) => c.notNull());
    if (table === 'error_issue_releases') t = t.addColumn('regressed', 'integer', (c) => c.notNull());
    await t.addPrimaryKeyConstraint(`${table}_pk`, ['issue_id', key, ...extra] as never[]).execute();
  }
}

async function releasesRulesArtifacts(db: Db): Promise<void> {
  await db.schema
    .createTable('error_releases')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('first_event_at', 'bigint')
    .addColumn('last_event_at', 'bigint')
    .addColumn('event_count', 'bigint', (c) => c.notNull())
    .addColumn('new_issues', 'integer', (c) => c.notNull())
    .addColumn('regressions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('error_releases_pk', ['project_id', 'version'])
    .execute();

  await db.schema
    .createTable('error_artifacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('release', 'text', (c) => c.notNull())
    .addColumn('dist', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('debug_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('error_artifacts_file', ['project_id', 'release', 'dist', 'name'])
    .execute();
  await db.schema.createIndex('error_artifacts_debug_id').on('error_artifacts').columns(['project_id', 'debug_id']).execute();

  await db.schema
    .createTable('error_alert_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('action_interval_s', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('error_alert_rules_project').on('error_alert_rules').column('project_id').execute();

  await db.schema
    .createTable('error_rule_fires')
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('last_fired_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('error_rule_fires_pk', ['rule_id', 'issue_id'])
    .execute();
  await db.schema.createIndex('error_rule_fires_issue').on('error_rule_fires').column('issue_id').execute();
}

export const errorTrackingMigrations: Record<string, CustosMigration> = {
  '2026-12-01-0900-error-tracking': {
    async up(db, dialect) {
      await projectsAndKeys(db);
      await ingest(db, dialect);
      await issues(db);
      await releasesRulesArtifacts(db);
    },
  },
};
