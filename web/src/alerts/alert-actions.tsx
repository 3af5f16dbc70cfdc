import { useState } from 'react';
import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { TextAreaField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import { labelMatchers } from './matchers.ts';
import type { Alert } from './types.ts';

/** Acknowledge, resolve and silence: for responders and up, while the alert fires. */
export function AlertActions({ alert, onChange }: { alert: Alert; onChange: () => void }) {
  const client = useClient();
  const toast = useToast();
  const canRespond = useCan('respond');
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  if (!canRespond || alert.status !== 'firing') return null;

  const acknowledge = async () => {
    setBusy(true);
    try {
      await client.post(`/alerts/${alert.id}/ack`);
      toast.info('Acknowledged: repeats stop and the paged receivers are told.');
      onChange();
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const resolve = async () => {
    try {
      await client.post(`/alerts/${alert.id}/resolve`, comment.trim() ? { comment: comment.trim() } : {});
      toast.info('Resolved');
      onChange();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const matchers = labelMatchers({ alertname: alert.labels.alertname ?? '', ...(alert.labels.monitor ? { monitor: alert.labels.monitor } : {}) }).filter((m) => !m.endsWith('=""'));
  const silenceHref = `/silences?create=1&${matchers.map((m) => `matcher=${encodeURIComponent(m)}`).join('&')}`;
  return (
    <>
      {!alert.acknowledgedAt && (
        <Button variant="primary" onClick={() => void acknowledge()} busy={busy}>
          Acknowledge
        </Button>
      )}
      <ConfirmButton
        variant="secondary"
        title="Resolve this alert?"
        confirmLabel="Resolve"
        onConfirm={resolve}
        message={
          <div className="stack" style={{ gap: '0.5rem' }}>
            <p style={{ margin: 0 }}>Resolved notifications go to the receivers that were paged. If the source is still failing, it fires again.</p>
            <TextAreaField label="Comment (optional)" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Restarted the worker" />
          </div>
        }
      >
        Resolve
      </ConfirmButton>
      <Link href={silenceHref} className="btn">
        Silence…
      </Link>
    </>
  );
}
