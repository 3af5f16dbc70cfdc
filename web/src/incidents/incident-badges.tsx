import type { IncidentStatus, Severity } from './types.ts';

const STATUS_STATE: Record<IncidentStatus, string> = { triggered: 'down', acknowledged: 'degraded', resolved: 'up', closed: 'paused' };
const SEVERITY_STATE: Record<Severity, string> = { P0: 'down', P1: 'down', P2: 'degraded', P3: 'pending' };

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <span className="badge incident-status" data-state={STATUS_STATE[status] ?? 'pending'}>
      {status}
    </span>
  );
}

/** P0–P3, P0 filled so it stands out in a list. */
export function PriorityBadge({ severity }: { severity: Severity }) {
  return (
    <span className="badge plain priority" data-state={SEVERITY_STATE[severity] ?? 'pending'} data-severity={severity}>
      {severity}
    </span>
  );
}
