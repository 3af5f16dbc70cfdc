export type Duration = string | number;

/** A route as the routing document holds it (Alertmanager's snake_case names). */
export interface RouteNode {
  matchers?: string[];
  continue?: boolean;
  receivers?: string[];
  group_by?: string[];
  group_wait?: Duration;
  group_interval?: Duration;
  repeat_interval?: Duration;
  escalation_policy?: string | null;
  routes?: RouteNode[];
}

export interface InhibitRule {
  source_matchers: string[];
  target_matchers: string[];
  equal?: string[];
}

/** The root route (which matches every alert) plus the inhibition rules. */
export interface RoutingDocument extends RouteNode {
  receivers: string[];
  inhibit_rules?: InhibitRule[];
}

export interface RoutingState {
  version: number;
  document: RoutingDocument;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface RouteMatch {
  path: string;
  routeId: string;
  receivers: string[];
  groupBy: string[];
  groupKey: string;
  groupWait: string;
  groupInterval: string;
  repeatInterval: string;
  escalationPolicy: string | null;
  continue: boolean;
}

export interface RouteTestResult {
  version: number | null;
  routes: RouteMatch[];
  silencedBy: Array<{ id: string; matchers: string[]; endsAt: string; createdBy: string; comment: string }>;
  inhibitedBy: Array<{ rule: string; alerts: Array<{ id: string; dedupKey: string }> }>;
  muted: boolean;
}
