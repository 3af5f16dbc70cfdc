import { Time, useNow } from '../components/time.tsx';
import { BreachActions } from './breach-actions.tsx';
import { CLOCK_STATE, clockView } from './sla.ts';
import type { Incident } from './types.ts';

function Clock({ label, view, due }: { label: string; view: ReturnType<typeof clockView>; due: string }) {
  return (
    <div className="sla-clock" data-state={CLOCK_STATE[view.state]}>
      <span className="sla-label">{label}</span>
      <strong className="sla-text">{view.text}</strong>
      <span className="small muted">
        due <Time value={due} absolute />
      </span>
    </div>
  );
}

/** Response and resolution clocks with time left or how long ago they were breached, and the 72-hour breach clock. */
export function SlaCard({ incident, onChange }: { incident: Incident; onChange: (i?: Incident) => void }) {
  const now = useNow();
  const over = incident.status === 'resolved' || incident.status === 'closed';
  const breach = incident.breachClock;
  return (
    <section className="card stack" aria-labelledby="sla-title">
      <div className="card-header">
        <h2 id="sla-title">Clocks</h2>
        <BreachActions incident={incident} onChange={onChange} />
      </div>
      <div className="sla-clocks">
        <Clock label={`Response (${incident.severity})`} view={clockView(incident.sla.response, incident.triggeredAt, now, over)} due={incident.sla.response.dueAt} />
        <Clock label={`Resolution (${incident.severity})`} view={clockView(incident.sla.resolution, incident.triggeredAt, now, incident.status === 'closed')} due={incident.sla.resolution.dueAt} />
        {breach && (
          <Clock
            label="Regulator notification (72 h)"
            view={clockView({ dueAt: breach.dueAt, metAt: breach.notifiedAt, breachedAt: breach.overdueAt }, breach.startedAt, now)}
            due={breach.dueAt}
          />
        )}
      </div>
      {breach && (
        <p className="small muted" style={{ margin: 0 }}>
          Possible personal-data breach flagged <Time value={breach.startedAt} />.{' '}
          {breach.notifiedAt ? `Regulator notified by ${breach.notifiedBy ?? 'someone'}.` : `${breach.reminders.length} reminder${breach.reminders.length === 1 ? '' : 's'} sent so far.`}
        </p>
      )}
    </section>
  );
}
