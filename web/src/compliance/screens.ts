import './compliance.css';

export { CompliancePage } from './compliance-page.tsx';
export { ReportsPage } from './reports-page.tsx';
