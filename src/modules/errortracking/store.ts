import type { Executor } from '../../platform/db/index.ts';
import type { Issue } from './issue-schemas.ts';
import type { ErrorIssuesTable, ErrorKeysTable, ErrorProjectsTable, ErrorReleasesTable, ErrorTrackingTables } from './schema.ts';
import type { Project, ProjectKey, Release } from './schemas.ts';

export const errorsDb = (db: Executor) => db.withTables<ErrorTrackingTables>();

export const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

/** `http(s)://<public_key>@<host>/<number>` from the public base URL (CUSTOS_PUBLIC_URL or the request's). */
export function dsnOf(baseUrl: string, publicKey: string, number: number): string {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${publicKey}@${url.host}${path}/${number}`;
}

/** The host and project of a forwarding DSN, without its key. */
export function dsnTarget(dsn: string): string {
  const url = new URL(dsn);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export function toProject(row: ErrorProjectsTable, baseUrl: string, activeKey: Pick<ErrorKeysTable, 'public_key'> | null): Project {
  return {
    id: row.id,
    number: Number(row.number),
    slug: row.slug,
    name: row.name,
    platform: row.platform,
    dsn: activeKey ? dsnOf(baseUrl, activeKey.public_key, Number(row.number)) : null,
    scrubbing: { enabled: Boolean(row.scrub_enabled), extraFields: JSON.parse(row.scrub_fields) },
    groupingConfig: row.grouping_config,
    forwarding: { enabled: row.forward_dsn !== null, target: row.forward_target },
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function toProjectKey(row: ErrorKeysTable, baseUrl: string, number: number): ProjectKey {
  return {
    id: row.id,
    projectId: row.project_id,
    label: row.label,
    publicKey: row.public_key,
    dsn: dsnOf(baseUrl, row.public_key, number),
    status: row.status,
    rateLimitPerMinute: row.rate_limit_per_minute,
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    revokedAt: iso(row.revoked_at),
  };
}

export function toIssue(row: ErrorIssuesTable): Issue {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    culprit: row.culprit,
    type: row.type,
    level: row.level,
    status: row.status,
    isRegression: Boolean(row.is_regression),
    regressedAt: iso(row.regressed_at),
    regressedInRelease: row.regressed_in_release,
    resolvedAt: iso(row.resolved_at),
    resolvedInRelease: row.resolved_in_release,
    firstSeen: iso(row.first_seen)!,
    lastSeen: iso(row.last_seen)!,
    firstRelease: row.first_release,
    eventCount: Number(row.event_count),
    userCount: Number(row.user_count),
    metadata: JSON.parse(row.metadata),
    groupingConfig: row.grouping_config,
  };
}

export function toRelease(row: ErrorReleasesTable): Release {
  return {
    version: row.version,
    createdAt: iso(row.created_at)!,
    firstEventAt: iso(row.first_event_at),
    lastEventAt: iso(row.last_event_at),
    eventCount: Number(row.event_count),
    newIssues: Number(row.new_issues),
    regressions: Number(row.regressions),
  };
}

export async function findProjectRow(db: Executor, orgId: string, id: string): Promise<ErrorProjectsTable | undefined> {
  return errorsDb(db).selectFrom('error_projects').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function newestActiveKey(db: Executor, projectId: string): Promise<ErrorKeysTable | undefined> {
  return errorsDb(db)
    .selectFrom('error_keys')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('status', '=', 'active')
    .where('expires_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
