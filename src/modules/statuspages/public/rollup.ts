import type { IncidentImpact } from '../schema.ts';

/** What a component shows: the worst of its monitors; pending and paused monitors count as no data. */
export type ComponentStatus = 'down' | 'degraded' | 'maintenance' | 'up' | 'nodata';

const RANK: Record<ComponentStatus, number> = { nodata: 0, up: 1, maintenance: 2, degraded: 3, down: 4 };

export function monitorStatus(state: string | undefined): ComponentStatus {
  return state === 'up' || state === 'degraded' || state === 'down' || state === 'maintenance' ? state : 'nodata';
}

/** The worst monitor state; a maintenance notice in progress turns "up" or "no data" into maintenance. */
export function componentStatus(monitorStates: (string | undefined)[], underMaintenance = false): ComponentStatus {
  let worst: ComponentStatus = 'nodata';
  for (const state of monitorStates) {
    const status = monitorStatus(state);
    if (RANK[status] > RANK[worst]) worst = status;
  }
  return underMaintenance && RANK[worst] < RANK.maintenance ? 'maintenance' : worst;
}

export type OverallKind = 'operational' | 'maintenance' | 'degraded' | 'partial' | 'major' | 'critical';
export type Indicator = 'none' | 'maintenance' | 'minor' | 'major' | 'critical';

const KIND_ORDER: OverallKind[] = ['operational', 'maintenance', 'degraded', 'partial', 'major', 'critical'];

export const OVERALL: Record<OverallKind, { indicator: Indicator; description: string }> = {
  operational: { indicator: 'none', description: 'All systems operational' },
  maintenance: { indicator: 'maintenance', description: 'Under maintenance' },
  degraded: { indicator: 'minor', description: 'Degraded performance' },
  partial: { indicator: 'minor', description: 'Partial outage' },
  major: { indicator: 'major', description: 'Major outage' },
  critical: { indicator: 'critical', description: 'Critical outage' },
};

const IMPACT_KIND: Record<IncidentImpact, OverallKind> = { none: 'operational', minor: 'degraded', major: 'major', critical: 'critical' };

/**
 * The banner: every component with data down is a major outage, some down a partial outage, any
 * degraded is degraded performance; an active incident raises it to its impact; otherwise any
 * maintenance shows as maintenance.
 */
export function overallStatus(statuses: ComponentStatus[], activeImpacts: IncidentImpact[], maintenanceInProgress: boolean): { kind: OverallKind; indicator: Indicator; description: string } {
  const withData = statuses.filter((s) => s !== 'nodata');
  const down = withData.filter((s) => s === 'down').length;
  let kind: OverallKind = 'operational';
  if (down > 0) kind = down === withData.length ? 'major' : 'partial';
  else if (withData.includes('degraded')) kind = 'degraded';
  for (const impact of activeImpacts) {
    const raised = IMPACT_KIND[impact];
    if (KIND_ORDER.indexOf(raised) > KIND_ORDER.indexOf(kind)) kind = raised;
  }
  if (kind === 'operational' && (maintenanceInProgress || withData.includes('maintenance'))) kind = 'maintenance';
  return { kind, ...OVERALL[kind] };
}

export type UptimeClass = 'none' | 'ok' | 'minor' | 'partial' | 'major';

/** Bar colour by the day's uptime: ≥ 99.9 % green, ≥ 99 % amber, ≥ 95 % orange, below red, no data grey. */
export function uptimeClass(uptime: number | null): UptimeClass {
  if (uptime === null) return 'none';
  if (uptime >= 0.999) return 'ok';
  if (uptime >= 0.99) return 'minor';
  if (uptime >= 0.95) return 'partial';
  return 'major';
}

/** The worst monitor's uptime of the day, or null when no monitor has data for it. */
export function worstUptime(values: (number | null | undefined)[]): number | null {
  let worst: number | null = null;
  for (const v of values) if (typeof v === 'number' && (worst === null || v < worst)) worst = v;
  return worst;
}

/** Rounded down, so 99.996 % never reads as 100 %. */
export function formatUptime(uptime: number): string {
  if (uptime >= 1) return '100%';
  return `${(Math.floor(uptime * 10_000) / 100).toFixed(2)}%`;
}
