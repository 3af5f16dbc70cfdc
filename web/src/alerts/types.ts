export type Severity = 'critical' | 'error' | 'warning' | 'info';
export const SEVERITIES: Severity[] = ['critical', 'error', 'warning', 'info'];
export const ALERT_SOURCES = ['monitor', 'integration', 'self', 'error-rule'];

export interface Alert {
  id: string;
  dedupKey: string;
  status: 'firing' | 'resolved';
  severity: Severity;
  source: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string | null;
  lastSeenAt: string;
  fireCount: number;
  episode: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** `maintenance` while the source is in a maintenance window. */
  suppressed: string | null;
  silencedBy: string[];
  inhibitedBy: string[];
  generatorUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlertEvent {
  id: string;
  at: string;
  episode: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface AlertGroup {
  groupKey: string;
  routePath: string;
  receivers: string[];
  notifiedStatus: 'firing' | 'resolved' | null;
}

export interface AlertDetail extends Alert {
  events: AlertEvent[];
  groups: AlertGroup[];
}

export const alertTitle = (a: Pick<Alert, 'annotations' | 'labels' | 'dedupKey'>) => a.annotations.summary || a.labels.alertname || a.dedupKey;

const HIDDEN_LABELS = new Set(['alertname', 'severity', 'monitor_id', 'monitor_type']);
/** Labels worth showing next to a title: without those the title and badges already say. */
export const shownLabels = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).filter(([k]) => !HIDDEN_LABELS.has(k)));
