import { alertmanagerKind } from './alertmanager.ts';
import { githubActionsKind } from './github-actions.ts';
import { pagerDutyEventsKind } from './pagerduty-events.ts';
import type { IntegrationKind } from './types.ts';
import { webhookKind } from './webhook.ts';

/** The inbound integration types the dashboard explains, in menu order. */
export const INTEGRATION_KINDS: IntegrationKind[] = [alertmanagerKind, githubActionsKind, pagerDutyEventsKind, webhookKind];

const BY_TYPE = new Map(INTEGRATION_KINDS.map((k) => [k.type, k]));
export const integrationKind = (type: string) => BY_TYPE.get(type);
