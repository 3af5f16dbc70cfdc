export { AlertDetailPage } from './alert-detail-page.tsx';
export { AlertsPage } from './alerts-page.tsx';
export { RoutesPage } from '../routing/routes-page.tsx';
export { SilencesPage } from '../silences/silences-page.tsx';
