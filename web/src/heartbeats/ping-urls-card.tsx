import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { CopyField } from '../components/copy-field.tsx';
import { SecretOnce } from '../components/secret-once.tsx';
import { Time } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import type { Heartbeat, PingKeyStatus } from './types.ts';

interface CreatedPingKey {
  pingKey: string;
  prefix: string;
  createdAt: string;
}

/** The organization's ping key (admins only): slug URLs carry it in place of `{ping-key}`. */
function PingKey({ slugUrl }: { slugUrl: string }) {
  const client = useClient();
  const toast = useToast();
  const status = useFetch<PingKeyStatus>('/heartbeats/ping-key');
  const [created, setCreated] = useState<CreatedPingKey | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      setCreated(await client.post<CreatedPingKey>('/heartbeats/ping-key'));
      status.reload();
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (created) {
    return (
      <SecretOnce
        title="Ping key created"
        onDone={() => setCreated(null)}
        secrets={[
          { label: 'Ping key', value: created.pingKey },
          { label: 'This heartbeat by name', value: slugUrl.replace('{ping-key}', created.pingKey) },
        ]}
      />
    );
  }
  if (!status.data) return null;
  return (
    <div className="row small">
      {status.data.configured ? (
        <>
          <span className="muted">
            Ping key <code>{status.data.prefix}…</code> created <Time value={status.data.createdAt} />.
          </span>
          <ConfirmButton size="sm" variant="secondary" title="Rotate the ping key?" confirmLabel="Rotate key" onConfirm={create} message={<p>Every slug URL in this organization stops working until the jobs use the new key. UUID URLs are not affected.</p>}>
            Rotate ping key
          </ConfirmButton>
        </>
      ) : (
        <>
          <span className="muted">No ping key yet: create one to ping heartbeats by name.</span>
          <Button size="sm" onClick={() => void create()} busy={busy}>
            Create ping key
          </Button>
        </>
      )}
    </div>
  );
}

export function PingUrlsCard({ heartbeat }: { heartbeat: Heartbeat }) {
  const canAdmin = useCan('admin');
  return (
    <section className="card stack" aria-labelledby="ping-urls">
      <h2 id="ping-urls">Ping URLs</h2>
      <CopyField
        label="Ping URL"
        value={heartbeat.pingUrl}
        hint={
          <>
            GET, HEAD or POST. Add <code>/start</code> when the job starts, <code>/fail</code> or <code>/&lt;exit status&gt;</code> when it ends, <code>/log</code> to attach output
            without changing the state. The first {heartbeat.bodyLimit.toLocaleString()} bytes of a body are kept.
          </>
        }
      />
      {heartbeat.slugUrl ? (
        <div className="stack" style={{ gap: '0.4rem' }}>
          <CopyField label="By name (slug)" value={heartbeat.slugUrl} hint="Replace {ping-key} with the organization's ping key; add ?create=1 to create a heartbeat on its first ping." />
          {canAdmin && <PingKey slugUrl={heartbeat.slugUrl} />}
        </div>
      ) : (
        <p className="muted small">Give this heartbeat a slug (Edit) to ping it by name with the organization's ping key.</p>
      )}
      <CopyField label="Uptime Kuma push URL" value={heartbeat.pushUrl} hint="For tools that already push to Uptime Kuma: status=up|down, msg and ping work unchanged." />
    </section>
  );
}
