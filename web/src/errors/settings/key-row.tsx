import { useState } from 'react';
import { useClient } from '../../api/client-context.tsx';
import { useSave } from '../../api/use-save.ts';
import { Button } from '../../components/button.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { CopyField } from '../../components/copy-field.tsx';
import { TextField } from '../../components/field.tsx';
import { Time } from '../../components/time.tsx';
import { useToast } from '../../components/toasts.tsx';
import type { OutcomeRow, ProjectKey } from '../types.ts';

export const limitBody = (text: string) => (text.trim() === '' ? null : Number(text));

function KeyState({ k }: { k: ProjectKey }) {
  if (k.status === 'revoked') return <span className="badge" data-state="paused">Revoked</span>;
  if (k.expiresAt) return <span className="badge" data-state="degraded" title="Rotated: works until then">Expires <Time value={k.expiresAt} /></span>;
  return <span className="badge" data-state="up">Active</span>;
}

export function KeyRow({ projectKey: k, refused = [], canWrite, onChange }: { projectKey: ProjectKey; refused?: OutcomeRow[]; canWrite: boolean; onChange: () => void }) {
  const client = useClient();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [limit, setLimit] = useState(k.rateLimitPerMinute === null ? '' : String(k.rateLimitPerMinute));
  const save = useSave();
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      toast.info(done);
      onChange();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const saveLimit = () =>
    save.run(async () => {
      await client.patch(`/projects/${k.projectId}/keys/${k.id}`, { rateLimitPerMinute: limitBody(limit) });
      setEditing(false);
      onChange();
    });
  const active = k.status === 'active';
  return (
    <li className="key-item stack" data-status={k.status}>
      <div className="row">
        <strong>{k.label}</strong>
        <KeyState k={k} />
        <span className="small muted">
          created <Time value={k.createdAt} /> · {k.rateLimitPerMinute === null ? 'no rate limit' : `${k.rateLimitPerMinute.toLocaleString()} event${k.rateLimitPerMinute === 1 ? '' : 's'}/min`}
        </span>
        {canWrite && active && (
          <span className="row key-actions">
            <Button size="sm" variant="ghost" onClick={() => setEditing(!editing)}>
              Rate limit…
            </Button>
            <ConfirmButton size="sm" variant="secondary" title={`Rotate ${k.label}?`} confirmLabel="Rotate" onConfirm={() => act(() => client.post(`/projects/${k.projectId}/keys/${k.id}/rotate`, { graceSeconds: 86_400 }), 'Rotated: the old key works for one more day.')} message={<p>A new key replaces it; the old one keeps working for a day so deployed apps can switch over.</p>}>
              Rotate
            </ConfirmButton>
            <ConfirmButton size="sm" title={`Revoke ${k.label}?`} confirmLabel="Revoke key" onConfirm={() => act(() => client.post(`/projects/${k.projectId}/keys/${k.id}/revoke`), `Revoked ${k.label}`)} message={<p>Apps still using this DSN get 401 at once and their events are lost. This cannot be undone.</p>}>
              Revoke
            </ConfirmButton>
          </span>
        )}
      </div>
      {refused.length > 0 && (
        <span className="small danger-text">
          Refused in the last 24 hours: {refused.map((r) => `${r.quantity.toLocaleString()} ${r.category} item${r.quantity === 1 ? '' : 's'} (${r.reason.replaceAll('_', ' ')})`).join(', ')}
        </span>
      )}
      {active && <CopyField label="DSN" value={k.dsn} />}
      {editing && (
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <TextField label="Events per minute" type="number" min={1} value={limit} onChange={(e) => setLimit(e.target.value)} placeholder="no limit" error={save.errors('rateLimitPerMinute') ?? (save.error ? (save.error as Error).message : undefined)} />
          <Button size="sm" variant="primary" busy={save.busy} onClick={() => void saveLimit()}>
            Save
          </Button>
        </div>
      )}
    </li>
  );
}
