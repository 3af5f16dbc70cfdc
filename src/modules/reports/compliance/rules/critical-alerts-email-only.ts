import { testRoutes } from '../../../alerts/index.ts';
import { ISO, SOC2, type ComplianceRule, type FindingDraft } from '../rule.ts';

/** The label sets a critical alert carries; each is routed through the saved routing tree. */
export const CRITICAL_LABELS = [{ severity: 'critical' }, { severity: 'P0' }];
export const EMAIL_TYPES = new Set(['email']);

export const criticalAlertsEmailOnly: ComplianceRule = {
  id: 'critical-alerts-email-only',
  title: 'Critical alerts reach only email (or nobody)',
  severity: 'high',
  controls: [SOC2('CC7.3'), SOC2('CC7.4'), ISO('A.5.25'), ISO('A.5.26')],
  remedy: 'Route severity=critical alerts to a paging channel (PagerDuty, SMS/voice, Slack, …) or to an escalation policy, not only to email.',
  async evaluate({ ctx, channels }) {
    const byId = new Map(channels.map((c) => [c.id, c]));
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const labels of CRITICAL_LABELS) {
      const { routes } = await testRoutes({ ctx, input: { labels } });
      const key = routes.map((r) => r.routeId).join(',');
      if (seen.has(key) || routes.some((r) => r.escalationPolicy)) continue;
      seen.add(key);
      const receivers = [...new Set(routes.flatMap((r) => r.receivers))].map((id) => byId.get(id)).filter((c) => c !== undefined && c.enabled);
      const matcher = `severity=${labels.severity}`;
      const objects = [{ type: 'route', id: key || 'root', name: matcher }, ...receivers.map((c) => ({ type: 'channel', id: c!.id, name: c!.name }))];
      if (receivers.length === 0) findings.push({ message: `Alerts with ${matcher} reach no enabled channel and no escalation policy.`, objects });
      else if (receivers.every((c) => EMAIL_TYPES.has(c!.type))) findings.push({ message: `Alerts with ${matcher} reach only email channels.`, objects });
    }
    return { findings };
  },
};
