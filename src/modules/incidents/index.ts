import { servicesOf } from '../auth/index.ts';
import { STATUS_PAGES_CHANGED } from '../statuspages/index.ts';
import type { CustosModule } from '../../platform/module.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { rotateLinkKeys } from './action-links.ts';
import type { IncidentDeps } from './deps.ts';
import { registerIncidentJobs } from './jobs.ts';
import { incidentActionRoutes } from './routes/actions.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { linkPageRoutes } from './routes/link-pages.ts';
import { policyRoutes } from './routes/policy.ts';
import { incidentMigrations } from './schema.ts';

export { createIncident } from './create-incident.ts';
export { getIncident } from './get-incident.ts';
export { listIncidents } from './list-incidents.ts';
export { acknowledgeIncident } from './acknowledge-incident.ts';
export { resolveIncident } from './resolve-incident.ts';
export { closeIncident } from './close-incident.ts';
export { markReviewDone } from './mark-review-done.ts';
export { changeSeverity } from './change-severity.ts';
export { setAssignees } from './set-assignees.ts';
export { addComment } from './add-comment.ts';
export { getTimeline } from './get-timeline.ts';
export { flagBreach } from './flag-breach.ts';
export { recordRegulatorNotified } from './record-regulator-notified.ts';
export { recordRunbookOpened } from './record-runbook-opened.ts';
export { linkStatusPage, LinkStatusPageInput } from './link-status-page.ts';
export { postStatusUpdate, StatusUpdateInput } from './post-status-update.ts';
export { incidentStats } from './incident-stats.ts';
export { createActionLink, actOnLink } from './action-link-verbs.ts';
export { signLink, linkUrl, type LinkAction } from './action-links.ts';
export { applyAlertGroup } from './apply-alert-group.ts';
export { getSeverityPolicy } from './get-severity-policy.ts';
export { updateSeverityPolicy } from './update-severity-policy.ts';
export { severityOfAlerts, severityOfManual, applyCalendar } from './derive-severity.ts';
export { SLA_JOB } from './sla-schedule.ts';
export { BREACH_JOB, BREACH_REMINDER_HOURS } from './breach-schedule.ts';
export { INCIDENT_ERRORS } from './errors.ts';
export type { IncidentDeps } from './deps.ts';
export * from './schemas.ts';

const depsOf = (runtime: Runtime): IncidentDeps => ({
  secrets: () => runtime.secrets(),
  pagesChanged: (orgId) => runtime.bus.publish(STATUS_PAGES_CHANGED, { orgId }),
});

/** Incidents from alerts and by hand: severity policy, SLA and breach clocks, timeline, escalation, signed links. */
export const incidentsModule: CustosModule = {
  name: 'incidents',
  migrations: incidentMigrations,
  registerJobs: (runner, runtime) => registerIncidentJobs(runner, servicesOf(runtime), depsOf(runtime)),
  routes: (api, runtime) => {
    policyRoutes(api);
    incidentRoutes(api, depsOf(runtime));
    incidentActionRoutes(api, depsOf(runtime));
  },
  rootRoutes: (app, runtime) => linkPageRoutes(app, servicesOf(runtime), depsOf(runtime)),
  rotateSecrets: (runtime, box) => rotateLinkKeys(runtime.db, box),
};
