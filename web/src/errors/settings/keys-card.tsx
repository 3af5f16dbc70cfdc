import { useState, type FormEvent } from 'react';
import { useClient } from '../../api/client-context.tsx';
import type { Page } from '../../api/types.ts';
import { useSave } from '../../api/use-save.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { useCan } from '../../auth/session.tsx';
import { Button } from '../../components/button.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { SubmitCancel } from '../../components/submit-cancel.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading } from '../../components/loading.tsx';
import { KeyRow, limitBody } from './key-row.tsx';
import type { OutcomesReport, ProjectKey } from '../types.ts';

function NewKeyForm({ projectId, onDone }: { projectId: string; onDone: (created: boolean) => void }) {
  const client = useClient();
  const [label, setLabel] = useState('');
  const [limit, setLimit] = useState('');
  const { error, busy, run, errors } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await client.post(`/projects/${projectId}/keys`, { label: label.trim() || 'Default', rateLimitPerMinute: limitBody(limit) });
      onDone(true);
    });
  };
  return (
    <form className="stack sub-form" onSubmit={submit} noValidate aria-label="New DSN key">
      {error !== null && !errors('label') && !errors('rateLimitPerMinute') && <ErrorBanner error={error} title="Not created." />}
      <div className="form-grid">
        <TextField label="Label" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="web frontend" error={errors('label')} autoFocus />
        <TextField label="Rate limit (events per minute)" type="number" min={1} value={limit} onChange={(e) => setLimit(e.target.value)} placeholder="no limit" error={errors('rateLimitPerMinute')} />
      </div>
      <SubmitCancel label="Create key" busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}

/** The project's DSN keys: one per app or environment, each with its own rate limit, rotated or revoked on its own. */
export function KeysCard({ projectId, outcomes, onChange }: { projectId: string; outcomes: OutcomesReport | undefined; onChange: () => void }) {
  const canWrite = useCan('write');
  const keys = useFetch<Page<ProjectKey>>(`/projects/${projectId}/keys`);
  const [adding, setAdding] = useState(false);
  const changed = () => {
    keys.reload();
    onChange();
  };
  return (
    <section className="card stack" aria-labelledby="dsn-keys">
      <div className="card-header" style={{ marginBottom: 0 }}>
        <h2 id="dsn-keys">DSN keys</h2>
        {canWrite && !adding && (
          <Button size="sm" onClick={() => setAdding(true)}>
            New key
          </Button>
        )}
      </div>
      {adding && (
        <NewKeyForm
          projectId={projectId}
          onDone={(created) => {
            setAdding(false);
            if (created) changed();
          }}
        />
      )}
      {keys.error && <ErrorBanner error={keys.error} title="The keys could not be loaded." />}
      {!keys.data && !keys.error && <Loading label="Loading keys…" />}
      {keys.data && (
        <ul className="plain-list key-list">
          {keys.data.data.map((k) => (
            <KeyRow key={k.id} projectKey={k} refused={outcomes?.byKey.filter((o) => o.keyId === k.id && o.outcome === 'rejected')} canWrite={canWrite} onChange={changed} />
          ))}
        </ul>
      )}
      <p className="small muted" style={{ margin: 0 }}>
        Over its rate limit a key gets 429 with <code>Retry-After</code>, which the SDKs honour; every refused event is counted below. The project&apos;s DSN is its newest active key.
      </p>
    </section>
  );
}
