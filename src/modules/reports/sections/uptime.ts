import { ratio } from '../collect.ts';
import { groupServices, serviceOf, slaTargetOf } from '../org-monitors.ts';
import type { MonitorUptime, ServiceUptime } from '../schemas.ts';
import type { MonitorHistory } from './monitor-history.ts';

type Durations = Pick<MonitorUptime, 'upMs' | 'degradedMs' | 'downMs' | 'maintenanceMs' | 'pausedMs' | 'noDataMs'>;
const KEYS = ['upMs', 'degradedMs', 'downMs', 'maintenanceMs', 'pausedMs', 'noDataMs'] as const;

function judged(d: Durations, slaTarget: number | null) {
  const measured = d.upMs + d.degradedMs + d.downMs;
  const uptime = ratio(d.upMs + d.degradedMs, measured);
  return { slaTarget, uptime, degradedRatio: ratio(d.degradedMs, measured), meetsSla: slaTarget === null || uptime === null ? null : uptime * 100 >= slaTarget };
}

const pick = (d: Durations): Durations => Object.fromEntries(KEYS.map((k) => [k, d[k]])) as unknown as Durations;

/** Uptime per monitor, and per service with the monitors' durations summed (monitor-time weighted). */
export function uptimeSection(histories: MonitorHistory[]): { monitors: MonitorUptime[]; services: ServiceUptime[] } {
  const monitors = histories.map(({ monitor, uptime }) => ({
    monitorId: monitor.id,
    name: monitor.name,
    type: monitor.type,
    service: serviceOf(monitor),
    ...judged(uptime, slaTargetOf(monitor)),
    ...pick(uptime),
  }));
  const byId = new Map(histories.map((h) => [h.monitor.id, h.uptime]));
  const services = [...groupServices(histories.map((h) => h.monitor))].map(([service, { monitors: members, slaTarget }]) => {
    const sum = Object.fromEntries(KEYS.map((k) => [k, members.reduce((n, m) => n + byId.get(m.id)![k], 0)])) as unknown as Durations;
    return { service, monitorIds: members.map((m) => m.id).sort(), ...judged(sum, slaTarget), ...sum };
  });
  services.sort((a, b) => a.service.localeCompare(b.service));
  return { monitors, services };
}
