export interface Channel {
  id: string;
  name: string;
  type: string;
  /** Secret fields come back masked (`••••••abcd`). */
  settings: Record<string, unknown>;
  labels: Record<string, string>;
  template: { title?: string; text?: string; html?: string } | null;
  enabled: boolean;
  /** Credentials still to set; until then every delivery is skipped. */
  missingCredentials: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ChannelType {
  type: string;
  label: string;
  secretFields: string[];
  minIntervalMs: number | null;
  settingsSchema: Record<string, unknown>;
}

export type ReceiptStatus = 'delivered' | 'retrying' | 'failed' | 'skipped';

export interface Receipt {
  id: string;
  at: string;
  channelId: string;
  channelType: string;
  dispatchId: string | null;
  alertIds: string[];
  groupKey: string | null;
  kind: string;
  attempt: number;
  status: ReceiptStatus;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  idempotencyKey: string;
  test: boolean;
  fallback: boolean;
  nextAttemptAt: string | null;
}

export interface NotificationSettings {
  fallbackChannelId: string | null;
  redactFields: string[];
  updatedAt: string | null;
}
