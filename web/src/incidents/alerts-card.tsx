import { Link } from 'wouter';
import { SeverityBadge } from '../components/severity-badge.tsx';
import { Time } from '../components/time.tsx';
import type { IncidentDetail } from './types.ts';

/** The alerts grouped into the incident. */
export function AlertsCard({ incident }: { incident: IncidentDetail }) {
  return (
    <section className="card stack" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Alerts</h2>
      {incident.alerts.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>Declared by hand: no alerts attached.</p>
      ) : (
        <ul className="event-list">
          {incident.alerts.map((a) => (
            <li key={a.alertId}>
              <span className="row" style={{ gap: '0.4rem' }}>
                <span className="badge" data-state={a.status === 'firing' ? 'down' : 'up'}>
                  {a.status}
                </span>
                <SeverityBadge severity={a.severity} />
                <Link href={`/alerts/${a.alertId}`}>{a.summary || a.labels.alertname || a.alertId}</Link>
              </span>
              <span className="small muted">
                attached <Time value={a.attachedAt} />
                {a.resolvedAt && (
                  <>
                    {' '}
                    · resolved <Time value={a.resolvedAt} />
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
