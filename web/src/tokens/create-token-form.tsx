import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import { fieldErrors } from '../api/field-errors.ts';
import { ROLES, type ApiToken } from '../api/types.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { ROLE_HELP } from '../members/role-help.ts';

export type CreatedToken = ApiToken & { token: string };

export function CreateTokenForm({ onDone }: { onDone: (created: CreatedToken | null) => void }) {
  const client = useClient();
  const [form, setForm] = useState({ name: '', role: 'viewer', expiresInDays: '90' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await client.post<CreatedToken>('/tokens', { name: form.name, role: form.role, ...(form.expiresInDays ? { expiresInDays: Number(form.expiresInDays) } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} noValidate aria-label="Create an API token">
      <h2>Create an API token</h2>
      {error !== null && !(error instanceof ApiError && error.issues.length) && <ErrorBanner error={error} title="Not created." />}
      <div className="form-grid">
        <TextField label="Name" value={form.name} onChange={set('name')} error={errors('name')} placeholder="terraform" required autoFocus />
        <SelectField label="Role" value={form.role} onChange={set('role')} options={ROLES.map((r) => ({ value: r, label: r }))} error={errors('role')} hint={ROLE_HELP[form.role]} />
        <SelectField
          label="Expires"
          value={form.expiresInDays}
          onChange={set('expiresInDays')}
          error={errors('expiresInDays')}
          options={[
            { value: '30', label: 'in 30 days' },
            { value: '90', label: 'in 90 days' },
            { value: '365', label: 'in a year' },
            { value: '', label: 'never' },
          ]}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Create token
        </Button>
        <Button variant="ghost" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
