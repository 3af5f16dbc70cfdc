import type { ComponentStatus } from './rollup.ts';
import type { IncidentView, PageView } from './view.ts';

/** Statuspage's component statuses; `no_data` (pending or paused monitors) is our addition. */
const COMPONENT_STATUS: Record<ComponentStatus, string> = {
  up: 'operational',
  degraded: 'degraded_performance',
  down: 'major_outage',
  maintenance: 'under_maintenance',
  nodata: 'no_data',
};

const iso = (ms: number) => new Date(ms).toISOString();

/** When anything the page shows last changed (not when it was rendered), so ETags stay stable. */
export function lastChange(view: PageView): number {
  let latest = view.page.updatedAt;
  for (const c of view.components) latest = Math.max(latest, c.updatedAt);
  for (const i of [...view.activeIncidents, ...view.pastIncidents]) latest = Math.max(latest, i.updatedAt, i.updates[0]?.at ?? 0);
  for (const m of view.maintenance) latest = Math.max(latest, m.createdAt);
  return latest;
}

function incident(i: IncidentView, url: string) {
  return {
    id: i.id,
    name: i.title,
    status: i.status,
    impact: i.impact,
    started_at: iso(i.startedAt),
    created_at: iso(i.startedAt),
    updated_at: iso(Math.max(i.updatedAt, i.updates[0]?.at ?? 0)),
    resolved_at: i.resolvedAt === null ? null : iso(i.resolvedAt),
    shortlink: `${url}#incident-${i.id}`,
    components: i.components,
    incident_updates: i.updates.map((u) => ({ id: u.id, status: u.status, body: u.message, created_at: iso(u.at), display_at: iso(u.at) })),
  };
}

/**
 * The Statuspage summary shape (`/api/v2/summary.json`), so tools that read Statuspage pages,
 * including our own `statuspage` probe, can read ours. `url` is the page's absolute address.
 */
export function renderStatusJson(view: PageView, url: string): string {
  return JSON.stringify({
    page: { id: view.page.id, name: view.page.title, url, time_zone: 'Etc/UTC', updated_at: iso(lastChange(view)) },
    status: { indicator: view.overall.indicator, description: view.overall.description },
    components: view.components.map((c) => ({
      id: c.id,
      name: c.name,
      status: COMPONENT_STATUS[c.status],
      description: c.description,
      position: c.position,
      group_name: c.group,
      updated_at: iso(c.updatedAt),
      ...(view.page.showUptime ? { uptime_90d: c.uptimeTotal } : {}),
    })),
    incidents: view.activeIncidents.map((i) => incident(i, url)),
    scheduled_maintenances: view.maintenance.map((m) => ({
      id: m.id,
      name: m.title,
      status: m.inProgress ? 'in_progress' : 'scheduled',
      scheduled_for: iso(m.startsAt),
      scheduled_until: iso(m.endsAt),
      description: m.description,
      components: m.components,
    })),
  });
}
