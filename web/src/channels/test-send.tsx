import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextField } from '../components/field.tsx';
import { Time } from '../components/time.tsx';
import { ReceiptStatus } from './receipt-status.tsx';
import type { Channel, Receipt } from './types.ts';

/** Sends a test notification now and shows its receipt; the send is audited as evidence the channel was tested. */
export function TestSend({ channel, onSent }: { channel: Channel; onSent: () => void }) {
  const client = useClient();
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<Receipt | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await client.post<Receipt>(`/channels/${channel.id}/test`, message.trim() ? { message: message.trim() } : {}));
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card stack" aria-labelledby="send-test">
      <h2 id="send-test">Send a test</h2>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <TextField label="Message (optional)" value={message} onChange={(e) => setMessage(e.target.value)} placeholder="Checking the on-call channel" className="grow" />
        <Button variant="primary" onClick={() => void send()} busy={busy}>
          Send test
        </Button>
      </div>
      {error !== null && <ErrorBanner error={error} title="The test could not be sent." />}
      {result && (
        <div className={`banner ${result.status === 'delivered' ? 'ok' : result.status === 'skipped' ? 'warn' : 'error'}`} role="status" aria-label="Test result">
          <div className="stack" style={{ gap: '0.25rem' }}>
            <span className="row">
              <ReceiptStatus status={result.status} />
              <span>
                {result.statusCode !== null && <>answered <strong>{result.statusCode}</strong> </>}in {Math.round(result.latencyMs)} ms · <Time value={result.at} />
              </span>
            </span>
            {result.error && <span>{result.error}</span>}
            {result.status === 'delivered' && <span className="small">Delivered. The test is recorded in the audit log as evidence that this channel works.</span>}
          </div>
        </div>
      )}
      {channel.missingCredentials.length > 0 && <p className="small muted" style={{ margin: 0 }}>Missing {channel.missingCredentials.join(', ')}: a test is skipped until they are set.</p>}
    </section>
  );
}
