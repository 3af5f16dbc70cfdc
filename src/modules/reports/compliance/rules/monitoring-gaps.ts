import { ISO, SOC2, type ComplianceRule } from '../rule.ts';

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

export const monitoringGaps: ComplianceRule = {
  id: 'monitoring-gaps',
  title: 'Monitoring gaps in the last 30 days',
  severity: 'medium',
  controls: [SOC2('CC7.2'), SOC2('A1.2'), ISO('A.8.16')],
  remedy: 'Find the cause of each gap (Custos down, overloaded or failing) and fix it: run a second process against PostgreSQL, add capacity, or raise intervals.',
  evaluate({ histories }) {
    return {
      findings: histories
        .filter((h) => h.gaps.length > 0)
        .map(({ monitor, gaps }) => {
          const causes = [...new Set(gaps.map((g) => g.cause))].join(', ');
          const total = gaps.reduce((n, g) => n + g.durationMs, 0);
          return { message: `Monitor "${monitor.name}" had ${gaps.length} coverage gap(s), ${minutes(total)} in all (${causes}).`, objects: [{ type: 'monitor', id: monitor.id, name: monitor.name }] };
        }),
    };
  },
};
