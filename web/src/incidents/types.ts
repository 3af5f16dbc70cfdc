export const SEVERITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const STATUSES = ['triggered', 'acknowledged', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

export interface SlaClock {
  dueAt: string;
  metAt: string | null;
  breachedAt: string | null;
}

export interface BreachClock {
  startedAt: string;
  dueAt: string;
  notifiedAt: string | null;
  notifiedBy: string | null;
  overdueAt: string | null;
  reminders: Array<{ at: string; hoursElapsed: number; overdue: boolean; recipients: string[] }>;
}

export interface Incident {
  id: string;
  title: string;
  description: string | null;
  status: IncidentStatus;
  severity: Severity;
  severityReason: Record<string, unknown>;
  source: 'alert' | 'manual';
  groupKey: string | null;
  escalationPolicyId: string | null;
  assignees: string[];
  labels: Record<string, string>;
  createdBy: string;
  triggeredAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  reviewRequired: boolean;
  reviewDoneAt: string | null;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
  sla: { response: SlaClock; resolution: SlaClock };
  possibleBreach: boolean;
  breachClock: BreachClock | null;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentAlert {
  alertId: string;
  status: 'firing' | 'resolved';
  summary: string;
  severity: string;
  labels: Record<string, string>;
  attachedAt: string;
  resolvedAt: string | null;
}

export interface IncidentDetail extends Incident {
  alerts: IncidentAlert[];
  statusPageIncidents: Array<{ id: string; pageId: string; title: string; status: string; impact: string }>;
}

export interface TimelineEvent {
  id: string;
  at: string;
  kind: string;
  actor: { type: string; id: string; display: string };
  detail: Record<string, unknown> | null;
}

export const isOpen = (i: Pick<Incident, 'status'>) => i.status === 'triggered' || i.status === 'acknowledged';
