import type { Permission } from '../auth/permissions.ts';

export interface NavItem {
  path: string;
  label: string;
  /** Hidden from roles without it (the API refuses them anyway). */
  permission: Permission;
}

/** The sidebar; later screens add themselves here and in routes.tsx. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/monitors', label: 'Monitors', permission: 'read' },
  { path: '/heartbeats', label: 'Heartbeats', permission: 'read' },
  { path: '/errors', label: 'Errors', permission: 'read' },
  { path: '/incidents', label: 'Incidents', permission: 'read' },
  { path: '/alerts', label: 'Alerts', permission: 'read' },
  { path: '/silences', label: 'Silences', permission: 'read' },
  { path: '/routes', label: 'Routes', permission: 'read' },
  { path: '/schedules', label: 'On-call schedules', permission: 'read' },
  { path: '/escalation-policies', label: 'Escalation policies', permission: 'read' },
  { path: '/me/paging', label: 'How I am paged', permission: 'read' },
  { path: '/runbooks', label: 'Runbooks', permission: 'read' },
  { path: '/reviews', label: 'Reviews', permission: 'read' },
  { path: '/channels', label: 'Channels', permission: 'read' },
  { path: '/integrations', label: 'Integrations', permission: 'read' },
  { path: '/maintenance', label: 'Maintenance', permission: 'read' },
  { path: '/members', label: 'Members', permission: 'read' },
  { path: '/tokens', label: 'API tokens', permission: 'admin' },
  { path: '/audit', label: 'Audit log', permission: 'audit' },
  { path: '/integrity', label: 'Integrity', permission: 'audit' },
  { path: '/reports', label: 'Reports', permission: 'audit' },
  { path: '/compliance', label: 'Compliance', permission: 'audit' },
  { path: '/evidence', label: 'Evidence export', permission: 'audit' },
];
