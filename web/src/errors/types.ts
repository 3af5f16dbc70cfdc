export type IssueStatus = 'unresolved' | 'resolved' | 'resolved_next_release' | 'ignored';
export const ISSUE_STATUSES: IssueStatus[] = ['unresolved', 'resolved', 'resolved_next_release', 'ignored'];
export const LEVELS = ['fatal', 'error', 'warning', 'info', 'debug'] as const;
export type IssueSort = 'lastSeen' | 'firstSeen' | 'count' | 'users';

export interface Project {
  id: string;
  number: number;
  slug: string;
  name: string;
  platform: string | null;
  dsn: string | null;
  scrubbing: { enabled: boolean; extraFields: string[] };
  groupingConfig: string;
  forwarding: { enabled: boolean; target: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface ProjectKey {
  id: string;
  projectId: string;
  label: string;
  publicKey: string;
  dsn: string;
  status: 'active' | 'revoked';
  rateLimitPerMinute: number | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  revokedAt: string | null;
}

export interface Issue {
  id: string;
  projectId: string;
  title: string;
  culprit: string | null;
  type: 'error' | 'default';
  level: string;
  status: IssueStatus;
  isRegression: boolean;
  regressedAt: string | null;
  regressedInRelease: string | null;
  resolvedAt: string | null;
  resolvedInRelease: string | null;
  firstSeen: string;
  lastSeen: string;
  firstRelease: string | null;
  eventCount: number;
  userCount: number;
  metadata: Record<string, unknown>;
  groupingConfig: string;
}

export interface TagFacet {
  key: string;
  totalValues: number;
  topValues: Array<{ value: string; count: number; firstSeen: string; lastSeen: string }>;
}

export interface IssueRelease {
  release: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
  regressed: boolean;
}

export interface EventSummary {
  eventId: string;
  issueId: string;
  receivedAt: string;
  timestamp: string;
  level: string;
  release: string | null;
  environment: string | null;
  title: string;
  userId: string | null;
}

/** The stored event as the SDK sent it, scrubbed and symbolicated: read defensively. */
export type EventData = Record<string, unknown>;

export interface EventDetail extends EventSummary {
  data: EventData;
}

export interface IssueDetail extends Issue {
  tags: TagFacet[];
  environments: string[];
  releases: IssueRelease[];
  latestEvent: EventDetail | null;
  histogram: Array<{ at: string; count: number }>;
}

export interface Release {
  version: string;
  createdAt: string;
  firstEventAt: string | null;
  lastEventAt: string | null;
  eventCount: number;
  newIssues: number;
  regressions: number;
}

export interface Artifact {
  id: string;
  release: string | null;
  dist: string | null;
  name: string;
  debugId: string | null;
  kind: 'sourcemap' | 'source';
  size: number;
  sha256: string;
  createdAt: string;
}

export type RuleKind = 'new_issue' | 'regression' | 'frequency' | 'level' | 'tag';

export interface AlertRule {
  id: string;
  projectId: string;
  name: string;
  kind: RuleKind;
  settings: Record<string, unknown>;
  severity: 'critical' | 'error' | 'warning' | 'info';
  enabled: boolean;
  actionIntervalSeconds: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScrubReport {
  enabled: boolean;
  total: number;
  rules: Array<{ rule: string; count: number; updatedAt: string }>;
}

export interface OutcomeRow {
  category: string;
  outcome: string;
  reason: string;
  quantity: number;
}

export interface OutcomesReport {
  from: string;
  to: string;
  totals: OutcomeRow[];
  byKey: Array<OutcomeRow & { keyId: string }>;
  queue: { queued: number; failed: number };
}

export const STATUS_LABELS: Record<IssueStatus, string> = {
  unresolved: 'Unresolved',
  resolved: 'Resolved',
  resolved_next_release: 'Resolved in next release',
  ignored: 'Ignored',
};

export const issueHref = (id: string) => `/errors/issues/${id}`;
export const projectHref = (id: string, tab?: 'releases' | 'settings') => `/errors/projects/${id}${tab ? `/${tab}` : ''}`;
