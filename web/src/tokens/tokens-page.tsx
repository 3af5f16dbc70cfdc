import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import type { ApiToken, Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { CopyButton } from '../components/copy-button.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import { CreateTokenForm, type CreatedToken } from './create-token-form.tsx';

function status(t: ApiToken): { label: string; state: string } {
  if (t.revokedAt) return { label: 'Revoked', state: 'paused' };
  if (t.expiresAt && Date.parse(t.expiresAt) < Date.now()) return { label: 'Expired', state: 'down' };
  return { label: 'Active', state: 'up' };
}

export function TokensPage() {
  const client = useClient();
  const toast = useToast();
  const fetched = useFetch<Page<ApiToken>>('/tokens');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const revoke = async (t: ApiToken) => {
    try {
      await client.delete(`/tokens/${t.id}`);
      toast.info(`Revoked ${t.name}`);
      fetched.reload();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };

  const tokens = fetched.data?.data ?? [];
  return (
    <div className="page">
      <PageHeader title="API tokens" subtitle="For scripts, CI and infrastructure as code: send Authorization: Bearer <token>." actions={!creating && <Button variant="primary" onClick={() => { setCreating(true); setCreated(null); }}>Create token</Button>} />
      {creating && (
        <CreateTokenForm
          onDone={(t) => {
            setCreating(false);
            if (t) {
              setCreated(t);
              fetched.reload();
            }
          }}
        />
      )}
      {created && (
        <section className="banner ok" aria-live="polite">
          <div className="stack" style={{ gap: '0.5rem', minWidth: 0, flex: 1 }}>
            <strong>Token {created.name} created. Copy it now: it is shown only once.</strong>
            <div className="row" style={{ flexWrap: 'nowrap' }}>
              <code className="token-secret">{created.token}</code>
              <CopyButton text={created.token} />
            </div>
          </div>
          <button type="button" className="btn btn-sm" onClick={() => setCreated(null)}>
            Done
          </button>
        </section>
      )}
      <ListStates
        error={fetched.error}
        loaded={!!fetched.data}
        count={tokens.length}
        empty={
          !creating && (
            <EmptyState title="No API tokens" actions={<Button variant="primary" onClick={() => setCreating(true)}>Create a token</Button>}>
              Create one for each script or system that calls the API, with the smallest role it needs.
            </EmptyState>
          )
        }
      />
      {tokens.length > 0 && (
        <DataTable
          columns={['Name', 'Role', 'Prefix', 'Last used', 'Expires', 'Status', { label: 'Actions', hidden: true }]}
        >
          {tokens.map((t) => {
            const s = status(t);
            return (
              <tr key={t.id}>
                <td><strong>{t.name}</strong></td>
                <td>{t.role}</td>
                <td><code>{t.prefix}…</code></td>
                <td className="nowrap">{t.lastUsedAt ? <Time value={t.lastUsedAt} /> : <span className="muted">never</span>}</td>
                <td className="nowrap">{t.expiresAt ? <Time value={t.expiresAt} /> : <span className="muted">never</span>}</td>
                <td><span className="badge plain" data-state={s.state}>{s.label}</span></td>
                <td>
                  {!t.revokedAt && (
                    <ConfirmButton size="sm" title="Revoke this token?" confirmLabel="Revoke" onConfirm={() => revoke(t)} message={<p>Anything using {t.name} stops working at once. This cannot be undone.</p>}>
                      Revoke
                    </ConfirmButton>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
