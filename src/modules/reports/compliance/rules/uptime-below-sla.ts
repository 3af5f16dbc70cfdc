import { uptimeSection } from '../../sections/uptime.ts';
import { ISO, SOC2, type ComplianceRule, type FindingDraft } from '../rule.ts';

const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

export const uptimeBelowSla: ComplianceRule = {
  id: 'uptime-below-sla',
  title: 'Uptime below the committed SLA over the last 30 days',
  severity: 'high',
  controls: [SOC2('A1.1'), SOC2('A1.2'), ISO('A.8.16')],
  remedy: 'Review the outages behind the shortfall, record the corrective actions, and tell the affected customers as the SLA requires.',
  evaluate({ histories }) {
    const { monitors, services } = uptimeSection(histories);
    const findings: FindingDraft[] = [
      ...services.filter((s) => s.meetsSla === false).map((s) => ({ message: `Service "${s.service}" was up ${pct(s.uptime!)} against an SLA of ${s.slaTarget}%.`, objects: [{ type: 'service', id: s.service, name: s.service }, ...s.monitorIds.map((id) => ({ type: 'monitor', id, name: monitors.find((m) => m.monitorId === id)!.name }))] })),
      ...monitors.filter((m) => m.meetsSla === false).map((m) => ({ message: `Monitor "${m.name}" was up ${pct(m.uptime!)} against an SLA of ${m.slaTarget}%.`, objects: [{ type: 'monitor', id: m.monitorId, name: m.name }] })),
    ];
    return { findings };
  },
};
