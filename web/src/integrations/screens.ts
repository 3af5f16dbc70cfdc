export { IntegrationDetailPage } from './integration-detail-page.tsx';
export { EditIntegrationPage, NewIntegrationPage } from './integration-form-page.tsx';
export { IntegrationsPage } from './integrations-page.tsx';
