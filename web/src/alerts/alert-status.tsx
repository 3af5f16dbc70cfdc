import type { Alert } from './types.ts';

/** Firing, acknowledged, silenced or resolved: what someone on call needs at a glance. */
export function AlertStatus({ alert }: { alert: Pick<Alert, 'status' | 'acknowledgedAt' | 'silencedBy' | 'inhibitedBy' | 'suppressed'> }) {
  if (alert.status === 'resolved') {
    return (
      <span className="badge" data-state="up">
        Resolved
      </span>
    );
  }
  const muted = alert.silencedBy.length > 0 ? 'silenced' : alert.inhibitedBy.length > 0 ? 'inhibited' : alert.suppressed;
  return (
    <span className="row" style={{ gap: '0.3rem' }}>
      <span className="badge" data-state="down">
        Firing
      </span>
      {alert.acknowledgedAt && (
        <span className="badge plain" data-state="degraded">
          Acked
        </span>
      )}
      {muted && (
        <span className="badge plain" data-state="paused">
          {muted}
        </span>
      )}
    </span>
  );
}
