import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/field.tsx';
import { Modal } from '../components/modal.tsx';
import { useEscalationPolicies } from '../oncall/escalation-policy-field.tsx';
import { useSave } from '../api/use-save.ts';
import { SEVERITIES, type Incident } from './types.ts';

/** Opens an incident by hand: title, severity (the policy's default when left), who to page. */
export function DeclareDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const { policies } = useEscalationPolicies();
  const save = useSave();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState('');
  const [policyId, setPolicyId] = useState('');
  const [possibleBreach, setPossibleBreach] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const created = await client.post<Incident>('/incidents', { title, description: description.trim() || undefined, severity: severity || undefined, escalationPolicyId: policyId || undefined, possibleBreach });
      navigate(`/incidents/${created.id}`);
    });
  };
  return (
    <Modal title="Declare an incident" onClose={onClose} wide>
      <form className="stack" style={{ gap: '0.75rem' }} onSubmit={submit} noValidate>
        {save.error !== null && !['title', 'description', 'severity', 'escalationPolicyId'].some((f) => save.errors(f)) && <ErrorBanner error={save.error} title="Not declared." />}
        <TextField label="Title" required value={title} onChange={(e) => setTitle(e.target.value)} error={save.errors('title')} placeholder="Checkout failing for card payments" autoFocus />
        <div className="form-grid">
          <SelectField label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value)} error={save.errors('severity')} options={[{ value: '', label: 'Policy default' }, ...SEVERITIES.map((s) => ({ value: s, label: s }))]} />
          <SelectField label="Page through" value={policyId} onChange={(e) => setPolicyId(e.target.value)} error={save.errors('escalationPolicyId')} options={[{ value: '', label: 'Nobody (no escalation)' }, ...policies.map((p) => ({ value: p.id, label: p.name }))]} />
        </div>
        <TextAreaField label="What is happening" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} error={save.errors('description')} />
        <CheckboxField label="Possible personal-data breach" checked={possibleBreach} onChange={(e) => setPossibleBreach(e.target.checked)} hint="Starts the 72-hour regulator-notification clock (UK GDPR Art. 33)." />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.busy}>
            Declare incident
          </Button>
        </div>
      </form>
    </Modal>
  );
}
