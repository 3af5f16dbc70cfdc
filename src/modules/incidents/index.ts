import type { CustosModule } from '../../platform/module.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { rotateLinkKeys } from './action-links.ts';
import type { IncidentDeps } from './deps.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { policyRoutes } from './routes/policy.ts';
import { incidentMigrations } from './schema.ts';

export { createIncident } from './create-incident.ts';
export { getIncident } from './get-incident.ts';
export { listIncidents } from './list-incidents.ts';
export { acknowledgeIncident } from './acknowledge-incident.ts';
export { resolveIncident } from './resolve-incident.ts';
export { getSeverityPolicy } from './get-severity-policy.ts';
export { updateSeverityPolicy } from './update-severity-policy.ts';
export { severityOfAlerts, severityOfManual, applyCalendar } from './derive-severity.ts';
export { INCIDENT_ERRORS } from './errors.ts';
export type { IncidentDeps } from './deps.ts';
export * from './schemas.ts';

const depsOf = (runtime: Runtime): IncidentDeps => ({ secrets: () => runtime.secrets() });

/** Incidents from alerts and by hand: severity policy, SLA clocks, breach clock, timeline, escalation. */
export const incidentsModule: CustosModule = {
  name: 'incidents',
  migrations: incidentMigrations,
  routes: (api, runtime) => {
    policyRoutes(api);
    incidentRoutes(api, depsOf(runtime));
  },
  rotateSecrets: (runtime, box) => rotateLinkKeys(runtime.db, box),
};
