export interface Integration {
  id: string;
  name: string;
  type: string;
  /** Secret fields come back masked. */
  settings: Record<string, unknown>;
  labels: Record<string, string>;
  /** The first characters of the hook token; the token itself is shown only at create and rotate. */
  tokenPrefix: string;
  createdAt: string;
  updatedAt: string;
}

/** The answer to create and rotate: the only time the token and the full hook URL are shown. */
export interface CreatedIntegration extends Integration {
  token: string;
  url: string;
}

export interface IntegrationType {
  type: string;
  label: string;
  secretFields: string[];
  /** Where senders post; `:token` is the integration token. */
  paths: string[];
  settingsSchema: Record<string, unknown>;
}

export interface AppliedChange {
  dedupKey: string;
  ref: string | null;
  action: 'fire' | 'resolve' | 'acknowledge';
  result: string;
  alertId: string | null;
}

export interface Delivery {
  id: string;
  integrationId: string;
  receivedAt: string;
  event: string | null;
  senderDeliveryId: string | null;
  contentHash: string;
  bodyBytes: number;
  status: number;
  outcome: 'processed' | 'ignored' | 'rejected';
  dedupKeys: string[];
  changes: AppliedChange[];
  error: string | null;
  redeliveries: number;
  lastRedeliveryAt: string | null;
}
