import { Link } from 'wouter';
import type { FindingObject } from './types.ts';

const HREFS: Record<string, (o: FindingObject) => string> = {
  monitor: (o) => `/monitors/${o.id}`,
  channel: (o) => `/channels/${o.id}`,
  integration: (o) => `/integrations/${o.id}`,
  incident: (o) => `/incidents/${o.id}`,
  alert: (o) => `/alerts/${o.id}`,
  review: () => '/reviews',
  route: () => '/routes',
  service: (o) => `/monitors?label=${encodeURIComponent(`service=${o.id}`)}`,
  auditEvent: () => '/audit',
};

/** Where a finding about the organization as a whole is mended. */
const RULE_SCREENS: Record<string, string> = { 'oncall-missing': '/schedules', 'audit-chain-unverified': '/integrity', 'critical-alerts-email-only': '/routes' };

const NAMES: Record<string, string> = { auditEvent: 'audit event', statusPageComponent: 'status-page component', organization: 'organization' };

/** An object a finding involves, linking to its screen where it has one. */
export function ObjectLink({ object, ruleId }: { object: FindingObject; ruleId: string }) {
  const href = object.type === 'organization' ? RULE_SCREENS[ruleId] : HREFS[object.type]?.(object);
  const name = object.type === 'organization' ? 'this organization' : object.name;
  return (
    <span className="finding-object">
      <span className="muted small">{NAMES[object.type] ?? object.type}</span> {href ? <Link href={href}>{name}</Link> : <strong>{name}</strong>}
    </span>
  );
}
