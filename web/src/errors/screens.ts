import './errors.css';

export { ErrorProjectsPage } from './projects-page.tsx';
export { ProjectIssuesPage } from './issues-page.tsx';
export { IssueDetailPage } from './issue-detail-page.tsx';
export { ProjectReleasesPage } from './releases-page.tsx';
export { ProjectSettingsPage } from './settings-page.tsx';
