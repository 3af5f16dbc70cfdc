import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useCan } from '../auth/session.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { TextField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import type { Incident } from './types.ts';

/** Flag a possible personal-data breach (starts the 72-hour clock), and record that the regulator was told. */
export function BreachActions({ incident, onChange }: { incident: Incident; onChange: (i?: Incident) => void }) {
  const client = useClient();
  const toast = useToast();
  const canRespond = useCan('respond');
  const [reference, setReference] = useState('');
  if (!canRespond || incident.status === 'closed') return null;
  const post = async (path: string, body: object, done: string) => {
    try {
      onChange(await client.post<Incident>(`/incidents/${incident.id}/${path}`, body));
      toast.info(done);
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  if (!incident.possibleBreach) {
    return (
      <ConfirmButton size="sm" variant="secondary" title="Flag a possible personal-data breach?" message="Starts the 72-hour regulator-notification clock (UK GDPR Art. 33), with reminders to the named role." confirmLabel="Flag breach" onConfirm={() => post('breach', { possibleBreach: true }, 'Breach clock started')}>
        Flag possible data breach
      </ConfirmButton>
    );
  }
  if (!incident.breachClock || incident.breachClock.notifiedAt) return null;
  return (
    <ConfirmButton
      size="sm"
      variant="primary"
      title="Record the regulator notification"
      confirmLabel="Record"
      onConfirm={() => post('breach/regulator-notified', reference.trim() ? { reference: reference.trim() } : {}, 'Regulator notification recorded')}
      message={<TextField label="Regulator case reference (optional)" value={reference} onChange={(e) => setReference(e.target.value)} placeholder="ICO-2026-12345" />}
    >
      Regulator notified…
    </ConfirmButton>
  );
}
