import type { Generated, Selectable } from 'kysely';

/** Error-tracking tables; only this module's store and verbs touch them. Times are epoch ms. */
export type ErrorProjectsTable = {
  id: string;
  org_id: string;
  /** The numeric project id of the DSN path (Sentry SDKs accept only digits there). */
  number: number;
  slug: string;
  name: string;
  platform: string | null;
  scrub_enabled: number;
  /** JSON array of extra field names scrubbed besides the defaults. */
  scrub_fields: string;
  grouping_config: string;
  /** The config issues were grouped with before an upgrade; its hashes still match until the date. */
  grouping_previous: string | null;
  grouping_previous_until: number | null;
  /** The forwarding DSN, encrypted at rest, and its host and project (not secret) for display. */
  forward_dsn: string | null;
  forward_target: string | null;
  /** Salt of the pseudonyms that count affected users without keeping who they are. */
  user_salt: string;
  created_at: number;
  updated_at: number;
};

export type ErrorKeysTable = {
  id: string;
  org_id: string;
  project_id: string;
  public_key: string;
  label: string;
  status: 'active' | 'revoked';
  rate_limit_per_minute: number | null;
  /** A rotated key keeps working until then. */
  expires_at: number | null;
  created_at: number;
  updated_at: number;
  revoked_at: number | null;
};

/** The write-ahead queue of accepted envelopes (scrubbed), drained by the digest. */
export type ErrorIngestQueueTable = {
  seq: Generated<number>;
  org_id: string;
  project_id: string;
  key_id: string;
  received_at: number;
  event_count: number;
  body: string;
  status: 'queued' | 'failed';
  attempts: number;
  last_error: string | null;
};

/** A queue row as read. */
export type QueueRow = Selectable<ErrorIngestQueueTable>;

/** What happened to every item per key and hour: accepted, rejected (and why), dropped by the SDK. */
export type ErrorOutcomesTable = {
  org_id: string;
  project_id: string;
  key_id: string;
  hour: number;
  category: string;
  outcome: 'accepted' | 'rejected' | 'client_discarded' | 'failed';
  reason: string;
  quantity: number;
};

export type ErrorScrubCountsTable = {
  org_id: string;
  project_id: string;
  rule: string;
  count: number;
  updated_at: number;
};

export type IssueStatus = 'unresolved' | 'resolved' | 'resolved_next_release' | 'ignored';

export type ErrorIssuesTable = {
  id: string;
  org_id: string;
  project_id: string;
  title: string;
  culprit: string | null;
  type: 'error' | 'default';
  level: string;
  status: IssueStatus;
  is_regression: number;
  regressed_at: number | null;
  regressed_in_release: string | null;
  resolved_at: number | null;
  /** For `resolved_next_release`: the newest release when it was resolved. */
  resolved_in_release: string | null;
  first_seen: number;
  last_seen: number;
  first_release: string | null;
  event_count: number;
  user_count: number;
  grouping_config: string;
  /** JSON: { type, value, filename, function }. */
  metadata: string;
  last_event_id: string | null;
  created_at: number;
  updated_at: number;
};

export type ErrorIssueHashesTable = { project_id: string; hash: string; issue_id: string; grouping_config: string };

export type ErrorEventsTable = {
  org_id: string;
  project_id: string;
  event_id: string;
  issue_id: string;
  received_at: number;
  timestamp: number;
  level: string;
  release: string | null;
  environment: string | null;
  user_hash: string | null;
  title: string;
  size: number;
  data: string;
};

export type ErrorIssueUsersTable = { issue_id: string; user_hash: string; first_seen: number };
export type ErrorIssueTagsTable = { issue_id: string; key: string; value: string; count: number; first_seen: number; last_seen: number };
export type ErrorIssueReleasesTable = { issue_id: string; release: string; first_seen: number; last_seen: number; count: number; regressed: number };
export type ErrorIssueMinutesTable = { issue_id: string; minute: number; count: number };

export type ErrorReleasesTable = {
  org_id: string;
  project_id: string;
  version: string;
  created_at: number;
  first_event_at: number | null;
  last_event_at: number | null;
  event_count: number;
  new_issues: number;
  regressions: number;
};

export type ErrorArtifactsTable = {
  id: string;
  org_id: string;
  project_id: string;
  /** '' when the file belongs to no release (matched by debug id only). */
  release: string;
  dist: string;
  name: string;
  debug_id: string | null;
  kind: 'sourcemap' | 'source';
  content: string;
  sha256: string;
  size: number;
  created_at: number;
};

export type ErrorRuleKind = 'new_issue' | 'regression' | 'frequency' | 'level' | 'tag';

export type ErrorAlertRulesTable = {
  id: string;
  org_id: string;
  project_id: string;
  name: string;
  kind: ErrorRuleKind;
  settings: string;
  severity: string;
  enabled: number;
  action_interval_s: number;
  created_at: number;
  updated_at: number;
};

export type ErrorRuleFiresTable = { rule_id: string; issue_id: string; org_id: string; dedup_key: string; last_fired_at: number };
export type ErrorDigestLeasesTable = { name: string; owner: string; expires_at: number };

export type ErrorTrackingTables = {
  error_projects: ErrorProjectsTable;
  error_keys: ErrorKeysTable;
  error_ingest_queue: ErrorIngestQueueTable;
  error_outcomes: ErrorOutcomesTable;
  error_scrub_counts: ErrorScrubCountsTable;
  error_issues: ErrorIssuesTable;
  error_issue_hashes: ErrorIssueHashesTable;
  error_events: ErrorEventsTable;
  error_issue_users: ErrorIssueUsersTable;
  error_issue_tags: ErrorIssueTagsTable;
  error_issue_releases: ErrorIssueReleasesTable;
  error_issue_minutes: ErrorIssueMinutesTable;
  error_releases: ErrorReleasesTable;
  error_artifacts: ErrorArtifactsTable;
  error_alert_rules: ErrorAlertRulesTable;
  error_rule_fires: ErrorRuleFiresTable;
  error_digest_leases: ErrorDigestLeasesTable;
};
