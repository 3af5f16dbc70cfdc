import type { DailyUptime, MonitorFact } from '../facts.ts';
import type { IncidentImpact, IncidentStatus, StatusPageComponentsTable, StatusPageIncidentsTable, StatusPageIncidentUpdatesTable, StatusPageMaintenancesTable, StatusPagesTable } from '../schema.ts';
import { componentStatus, overallStatus, worstUptime, type ComponentStatus, type OverallKind, type Indicator } from './rollup.ts';

export const UPTIME_DAYS = 90;
export const PAST_INCIDENT_DAYS = 14;
const DAY_MS = 86_400_000;

export interface ComponentView {
  id: string;
  name: string;
  description: string | null;
  group: string | null;
  position: number;
  status: ComponentStatus;
  /** One value per day of `PageView.days`, oldest first. */
  uptime: (number | null)[];
  uptimeTotal: number | null;
  updatedAt: number;
}

export interface IncidentView {
  id: string;
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  components: { id: string; name: string }[];
  startedAt: number;
  resolvedAt: number | null;
  updatedAt: number;
  /** Newest first. */
  updates: { id: string; status: IncidentStatus; message: string; at: number }[];
}

export interface MaintenanceView {
  id: string;
  title: string;
  description: string | null;
  startsAt: number;
  endsAt: number;
  createdAt: number;
  components: { id: string; name: string }[];
  inProgress: boolean;
}

/** Everything the public renderers need, computed once per cache fill. */
export interface PageView {
  page: { id: string; slug: string; title: string; description: string | null; logoUrl: string | null; brandColor: string; accentColor: string; showUptime: boolean; updatedAt: number };
  now: number;
  overall: { kind: OverallKind; indicator: Indicator; description: string };
  /** UTC days `YYYY-MM-DD`, oldest first, ending today. */
  days: string[];
  components: ComponentView[];
  activeIncidents: IncidentView[];
  /** Resolved incidents that started in the last `PAST_INCIDENT_DAYS` days, newest first. */
  pastIncidents: IncidentView[];
  pastDays: string[];
  maintenance: MaintenanceView[];
}

export interface ViewSources {
  page: StatusPagesTable;
  components: StatusPageComponentsTable[];
  incidents: StatusPageIncidentsTable[];
  updates: Map<string, StatusPageIncidentUpdatesTable[]>;
  maintenance: StatusPageMaintenancesTable[];
  /** Monitor maintenance windows, shown as notices without components. */
  monitorMaintenance: { name: string; startsAt: number; endsAt: number }[];
  states: Map<string, MonitorFact>;
  uptime: Map<string, DailyUptime[]>;
  now: number;
}

export const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function dayKeys(now: number, count: number): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: count }, (_, i) => dayKey(today - (count - 1 - i) * DAY_MS));
}

export function pastWindowStart(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS - (PAST_INCIDENT_DAYS - 1) * DAY_MS;
}

/** One value per day; a monitor's list is used by position when it covers exactly `days`. */
function alignedUptime(list: DailyUptime[] | undefined, days: string[]): (number | null)[] {
  if (!list) return [];
  if (list.length === days.length && list[0]?.day === days[0] && list.at(-1)?.day === days.at(-1)) return list.map((d) => d.uptime);
  const byDay = new Map(list.map((d) => [d.day, d.uptime]));
  return days.map((day) => byDay.get(day) ?? null);
}

function componentUptime(monitorIds: string[], days: string[], uptime: Map<string, DailyUptime[]>): (number | null)[] {
  const perMonitor = monitorIds.map((id) => alignedUptime(uptime.get(id), days));
  if (perMonitor.length === 1 && perMonitor[0].length === days.length) return perMonitor[0];
  return days.map((_, i) => worstUptime(perMonitor.map((m) => m[i])));
}

const mean = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

const parseIds = (json: string): string[] => JSON.parse(json);

export function buildView(src: ViewSources): PageView {
  const { page, now } = src;
  const days = dayKeys(now, UPTIME_DAYS);
  const names = new Map(src.components.map((c) => [c.id, c.name]));
  const named = (ids: string[]) => ids.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! }));

  const maintenance: MaintenanceView[] = src.maintenance.map((m) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    startsAt: Number(m.starts_at),
    endsAt: Number(m.ends_at),
    createdAt: Number(m.created_at),
    components: named(parseIds(m.component_ids)),
    inProgress: Number(m.starts_at) <= now && now < Number(m.ends_at),
  }));
  for (const [i, w] of src.monitorMaintenance.entries()) {
    maintenance.push({ id: `monitor-window-${i}`, title: w.name, description: null, startsAt: w.startsAt, endsAt: w.endsAt, createdAt: w.startsAt, components: [], inProgress: w.startsAt <= now && now < w.endsAt });
  }
  maintenance.sort((a, b) => a.startsAt - b.startsAt);
  const underMaintenance = new Set(maintenance.filter((m) => m.inProgress).flatMap((m) => m.components.map((c) => c.id)));

  const components: ComponentView[] = src.components.map((c) => {
    const monitorIds = parseIds(c.monitor_ids);
    const uptime = page.show_uptime ? componentUptime(monitorIds, days, src.uptime) : [];
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      group: c.group_name,
      position: Number(c.position),
      status: componentStatus(monitorIds.map((id) => src.states.get(id)?.state), underMaintenance.has(c.id)),
      uptime,
      uptimeTotal: mean(uptime),
      updatedAt: Number(c.updated_at),
    };
  });

  const incidents: IncidentView[] = src.incidents.map((i) => ({
    id: i.id,
    title: i.title,
    impact: i.impact,
    status: i.status,
    components: named(parseIds(i.component_ids)),
    startedAt: Number(i.started_at),
    resolvedAt: i.resolved_at === null ? null : Number(i.resolved_at),
    updatedAt: Number(i.updated_at),
    updates: (src.updates.get(i.id) ?? []).map((u) => ({ id: u.id, status: u.status, message: u.message, at: Number(u.at) })),
  }));
  const activeIncidents = incidents.filter((i) => i.status !== 'resolved').sort((a, b) => b.startedAt - a.startedAt);
  const windowStart = pastWindowStart(now);
  const pastIncidents = incidents.filter((i) => i.status === 'resolved' && i.startedAt >= windowStart).sort((a, b) => b.startedAt - a.startedAt);

  return {
    page: {
      id: page.id,
      slug: page.slug,
      title: page.title,
      description: page.description,
      logoUrl: page.logo_url,
      brandColor: page.brand_color,
      accentColor: page.accent_color,
      showUptime: Boolean(page.show_uptime),
      updatedAt: Number(page.updated_at),
    },
    now,
    overall: overallStatus(
      components.map((c) => c.status),
      activeIncidents.map((i) => i.impact),
      maintenance.some((m) => m.inProgress),
    ),
    days,
    components,
    activeIncidents,
    pastIncidents,
    pastDays: dayKeys(now, PAST_INCIDENT_DAYS).toReversed(),
    maintenance,
  };
}
