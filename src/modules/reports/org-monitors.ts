import { listMonitors, type Monitor } from '../monitors/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { allPages } from './collect.ts';

export const SERVICE_LABEL = 'service';
export const SLA_KEY = 'sla';

export const listAllMonitors = (ctx: Ctx): Promise<Monitor[]> => allPages((cursor) => listMonitors({ ctx, input: { limit: 1000, cursor } }));

/** The committed uptime in percent from the `sla` label (or setting): `99.9`, `99.9%`; null when absent or not in (0, 100]. */
export function slaTargetOf(source: { labels: Record<string, string>; settings?: Record<string, unknown> }): number | null {
  const raw = source.labels[SLA_KEY] ?? source.settings?.[SLA_KEY];
  if (raw === undefined || raw === null) return null;
  const value = Number(String(raw).trim().replace(/%$/, ''));
  return Number.isFinite(value) && value > 0 && value <= 100 ? value : null;
}

export const serviceOf = (m: Pick<Monitor, 'labels'>): string | null => m.labels[SERVICE_LABEL]?.trim() || null;

/** The monitors of each service (label `service`), with the strictest SLA target among them. */
export function groupServices(monitors: Monitor[]): Map<string, { monitors: Monitor[]; slaTarget: number | null }> {
  const services = new Map<string, { monitors: Monitor[]; slaTarget: number | null }>();
  for (const m of monitors) {
    const name = serviceOf(m);
    if (!name) continue;
    const entry = services.get(name) ?? { monitors: [], slaTarget: null };
    entry.monitors.push(m);
    const target = slaTargetOf(m);
    if (target !== null) entry.slaTarget = Math.max(entry.slaTarget ?? 0, target);
    services.set(name, entry);
  }
  return services;
}
