export type Role = 'owner' | 'admin' | 'responder' | 'viewer' | 'auditor';
export const ROLES: Role[] = ['owner', 'admin', 'responder', 'viewer', 'auditor'];

export type MonitorState = 'pending' | 'up' | 'degraded' | 'down' | 'paused' | 'maintenance';
export const MONITOR_STATES: MonitorState[] = ['up', 'degraded', 'down', 'pending', 'paused', 'maintenance'];

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Org {
  id: string;
  slug: string;
  name: string;
  role: Role | null;
  createdAt: string;
  updatedAt: string;
}

export interface Me {
  user: { id: string; email: string; name: string } | null;
  token: { id: string; name: string } | null;
  org: Org;
  role: Role;
  orgs: Org[];
  csrfToken: string | null;
}

export interface Monitor {
  id: string;
  name: string;
  type: string;
  settings: Record<string, unknown>;
  labels: Record<string, string>;
  interval: number;
  timeoutMs: number;
  retryInterval: number;
  confirmDown: number;
  confirmUp: number;
  paused: boolean;
  state: MonitorState;
  stateSince: string;
  stateReason: Record<string, unknown> | null;
  lastCheckAt: string | null;
  lastOutcome: string | null;
  lastLatencyMs: number | null;
  nextDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CheckResult {
  at?: string;
  outcome: 'up' | 'degraded' | 'down';
  latencyMs: number;
  errorCode?: string | null;
  message?: string | null;
  timings?: Record<string, number> | null;
  details?: Record<string, unknown> | null;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actor: { type: string; id: string; display: string };
  action: string;
  subject: { type: string; id: string };
  data: unknown;
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  lastHash: string;
  firstBad: { seq: number; reason: string; detail: string } | null;
}
