export { IncidentsPage } from './incidents-page.tsx';
export { IncidentDetailPage } from './incident-detail-page.tsx';
export { SeverityPolicyPage } from './severity-policy-page.tsx';
