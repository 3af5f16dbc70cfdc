import { useState, type FormEvent } from 'react';
import { Button } from '../components/button.tsx';
import { TextField } from '../components/field.tsx';

export interface AuditFilters {
  actor?: string;
  action?: string;
  subject?: string;
  from?: string;
  to?: string;
}

const toEpoch = (local: string | undefined) => (local ? String(new Date(local).getTime()) : undefined);

/** Filters as the API takes them: epoch ms for the time range (the inputs are in local time). */
export const auditQuery = (f: AuditFilters) => ({ actor: f.actor, action: f.action, subject: f.subject, from: toEpoch(f.from), to: toEpoch(f.to) });

export function AuditFilterBar({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const [draft, setDraft] = useState(value);
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="card audit-filters" onSubmit={submit} role="search" aria-label="Filter audit events">
      <TextField label="Actor" placeholder="user, system, or an id" value={draft.actor ?? ''} onChange={set('actor')} />
      <TextField label="Action" placeholder="monitor.create or monitor." value={draft.action ?? ''} onChange={set('action')} />
      <TextField label="Subject" placeholder="monitor or monitor:<id>" value={draft.subject ?? ''} onChange={set('subject')} />
      <TextField label="From" type="datetime-local" value={draft.from ?? ''} onChange={set('from')} />
      <TextField label="To" type="datetime-local" value={draft.to ?? ''} onChange={set('to')} />
      <div className="form-actions" style={{ alignSelf: 'end' }}>
        <Button type="submit" variant="primary">
          Apply
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
