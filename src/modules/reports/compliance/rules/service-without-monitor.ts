import { serviceOf, SERVICE_LABEL } from '../../org-monitors.ts';
import { ISO, SOC2, type ComplianceRule, type FindingDraft } from '../rule.ts';

/** Services come from status-page components and from the `service` label of monitors and alerts. */
export const serviceWithoutMonitor: ComplianceRule = {
  id: 'service-without-monitor',
  title: 'A service has no active monitor',
  severity: 'medium',
  controls: [SOC2('CC7.2'), SOC2('A1.1'), ISO('A.8.16')],
  remedy: 'Create a monitor for the service (label it service=<name>) or link one to the status-page component, and resume paused monitors.',
  evaluate({ monitors, components, alerts }) {
    const active = new Map(monitors.filter((m) => !m.paused).map((m) => [m.id, m]));
    const monitoredServices = new Set([...active.values()].map(serviceOf).filter(Boolean));
    const findings: FindingDraft[] = [];
    for (const c of components) {
      if (c.monitorIds.some((id) => active.has(id)) || monitoredServices.has(c.name)) continue;
      findings.push({ message: `Status-page component "${c.name}" on "${c.page.title}" has no active monitor.`, objects: [{ type: 'statusPageComponent', id: c.id, name: c.name }] });
    }
    const labelled = new Map<string, { type: string; id: string; name: string }[]>();
    for (const m of monitors) {
      const s = serviceOf(m);
      if (s && !monitoredServices.has(s)) labelled.set(s, [...(labelled.get(s) ?? []), { type: 'monitor', id: m.id, name: m.name }]);
    }
    for (const a of alerts) {
      const s = a.labels[SERVICE_LABEL]?.trim();
      if (s && !monitoredServices.has(s)) labelled.set(s, [...(labelled.get(s) ?? []), { type: 'alert', id: a.id, name: a.labels.alertname ?? a.dedupKey }]);
    }
    for (const [service, objects] of labelled) {
      findings.push({ message: `Service "${service}" (from ${[...new Set(objects.map((o) => o.type))].join(' and ')} labels) has no active monitor.`, objects: [{ type: 'service', id: service, name: service }, ...objects.slice(0, 20)] });
    }
    return { findings };
  },
};
