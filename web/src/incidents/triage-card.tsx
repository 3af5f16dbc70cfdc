import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import { usePersonColor } from '../oncall/person-colors.tsx';
import { useMembers } from '../oncall/use-members.ts';
import { SEVERITIES, isOpen, type Incident, type Severity } from './types.ts';

const REASONS: Record<string, string> = { given: 'Chosen when declared.', default: "The policy's default severity.", 'alert-severity': "From the alerts' own severity.", 'label-rule': 'From a label rule.', changed: 'Changed by hand.' };

function describeReason(why: Record<string, unknown>): string {
  const base = typeof why.rule === 'string' ? `Set by label rule ${why.rule}.` : (REASONS[String(why.source)] ?? (typeof why.source === 'string' ? `From ${why.source}.` : ''));
  return typeof why.calendarRule === 'string' ? `${base} Raised from ${String(why.base)} by calendar rule ${why.calendarRule}.` : base;
}

/** Severity (with a reason) and assignees; responders change them while the incident is open. */
export function TriageCard({ incident, onChange }: { incident: Incident; onChange: (i?: Incident) => void }) {
  const client = useClient();
  const toast = useToast();
  const members = useMembers();
  const colorOf = usePersonColor();
  const canEdit = useCan('respond') && incident.status !== 'closed';
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (path: string, body: object, done: string, method: 'POST' | 'PUT' = 'POST') => {
    setBusy(true);
    try {
      onChange(await client.request<Incident>(method, `/incidents/${incident.id}/${path}`, { body }));
      toast.info(done);
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const setAssignees = (assignees: string[]) => void send('assignees', { assignees }, 'Assignees updated', 'PUT');
  const why = incident.severityReason;
  return (
    <section className="card stack" aria-labelledby="triage-title">
      <h2 id="triage-title">Severity and assignees</h2>
      <p className="small muted" style={{ margin: 0 }}>
        {describeReason(why)}
        {typeof why.calendarRule === 'string' ? ` Raised by calendar rule ${why.calendarRule}.` : null}
      </p>
      {canEdit && (
        <div className="inline-form" style={{ borderTop: 0, paddingTop: 0 }}>
          <SelectField label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)} options={SEVERITIES.map((s) => ({ value: s, label: s }))} />
          <TextField label="Why (optional)" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Customers cannot pay" />
          <Button busy={busy} disabled={severity === incident.severity} onClick={() => void send('severity', { severity, ...(reason.trim() ? { reason: reason.trim() } : {}) }, `Severity is now ${severity}`)}>
            Change
          </Button>
        </div>
      )}
      <div className="row">
        {incident.assignees.length === 0 && <span className="muted small">Nobody assigned.</span>}
        {incident.assignees.map((id) => (
          <span key={id} className="person-chip">
            <i className="person-dot" style={{ background: colorOf(id) }} aria-hidden="true" />
            {members.nameOf(id)}
            {canEdit && (
              <button type="button" className="chip-remove" aria-label={`Unassign ${members.nameOf(id)}`} onClick={() => setAssignees(incident.assignees.filter((a) => a !== id))}>
                ×
              </button>
            )}
          </span>
        ))}
      </div>
      {canEdit && isOpen(incident) && (
        <select className="input" aria-label="Assign someone" value="" disabled={busy} onChange={(e) => e.target.value && setAssignees([...incident.assignees, e.target.value])}>
          <option value="">Assign someone…</option>
          {members.members
            .filter((m) => !incident.assignees.includes(m.userId))
            .map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name || m.email}
              </option>
            ))}
        </select>
      )}
    </section>
  );
}
