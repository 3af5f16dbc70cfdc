import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { TextAreaField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import type { Incident } from './types.ts';

/** Acknowledge, resolve and close, each shown while it applies; a close waits for a required review. */
export function IncidentActions({ incident, onChange }: { incident: Incident; onChange: (i?: Incident) => void }) {
  const client = useClient();
  const toast = useToast();
  const canRespond = useCan('respond');
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  if (!canRespond) return null;
  const act = async (verb: 'ack' | 'resolve' | 'close', done: string, body: object = {}) => {
    setBusy(true);
    try {
      const updated = await client.post<Incident>(`/incidents/${incident.id}/${verb}`, body);
      toast.info(done);
      onChange(updated);
    } catch (err) {
      toast.error((err as Error).message);
      onChange();
    } finally {
      setBusy(false);
    }
  };
  const needsReview = incident.reviewRequired && !incident.reviewDoneAt;
  return (
    <>
      {incident.status === 'triggered' && (
        <Button variant="primary" busy={busy} onClick={() => void act('ack', 'Acknowledged: escalation stops.')}>
          Acknowledge
        </Button>
      )}
      {(incident.status === 'triggered' || incident.status === 'acknowledged') && (
        <ConfirmButton
          variant="secondary"
          title="Resolve this incident?"
          confirmLabel="Resolve"
          onConfirm={() => act('resolve', 'Resolved', comment.trim() ? { comment: comment.trim() } : {})}
          message={<TextAreaField label="What fixed it (optional)" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Rolled back release 1.4.2" />}
        >
          Resolve
        </ConfirmButton>
      )}
      {incident.status === 'resolved' && (
        <Button variant="primary" busy={busy} disabled={needsReview} title={needsReview ? 'A post-incident review is required before closing.' : undefined} onClick={() => void act('close', 'Closed')}>
          Close
        </Button>
      )}
    </>
  );
}
