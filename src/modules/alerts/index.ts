import type { CustosModule } from '../../platform/module.ts';
import { registerAlertJobs } from './jobs.ts';
import { alertRoutes } from './routes.ts';
import { alertMigrations } from './schema.ts';

export { raiseAlert, type RaiseResult, type RaiseOutcome } from './raise-alert.ts';
export { resolveAlert, type ResolveResult } from './resolve-alert.ts';
export { acknowledgeAlert } from './acknowledge-alert.ts';
export { getAlert } from './get-alert.ts';
export { listAlerts } from './list-alerts.ts';
export { getRoutes } from './get-routes.ts';
export { updateRoutes } from './update-routes.ts';
export { testRoutes } from './test-routes.ts';
export { createSilence } from './create-silence.ts';
export { expireSilence } from './expire-silence.ts';
export { getSilence } from './get-silence.ts';
export { listSilences } from './list-silences.ts';
export { MONITOR_FLIP_JOB, type MonitorFlip } from './apply-monitor-flip.ts';
export { ALERT_RAISE_JOB } from './jobs.ts';
export { ALERT_GROUP_NOTIFIED_JOB, type AlertGroupNotifiedPayload } from './group-notified.ts';
export { NOTIFICATION_JOB, type NotificationMessage, type NotificationAlert, type NotificationKind, type NotificationJobPayload } from './notification-message.ts';
export { RoutingDocument, validateRoutingDocument } from './routing-document.ts';
export { parseMatcher, matches, type Matcher } from './matchers.ts';
export { ALERT_ERRORS } from './errors.ts';
export * from './schemas.ts';
export type { AlertSource, AlertStatus } from './schema.ts';

/** Alerts from every source, routed Alertmanager-style into groups that notify through durable jobs. */
export const alertsModule: CustosModule = {
  name: 'alerts',
  migrations: alertMigrations,
  registerJobs: registerAlertJobs,
  routes: (api) => alertRoutes(api),
};
