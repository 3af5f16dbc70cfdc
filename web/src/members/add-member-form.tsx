import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import { fieldErrors } from '../api/field-errors.ts';
import { ROLES, type Member } from '../api/types.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { ROLE_HELP } from './role-help.ts';

export function AddMemberForm({ onDone }: { onDone: (added: Member | null) => void }) {
  const client = useClient();
  const [form, setForm] = useState({ email: '', name: '', role: 'viewer', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await client.post<Member>('/members', { email: form.email, role: form.role, ...(form.name ? { name: form.name } : {}), ...(form.password ? { password: form.password } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a member">
      <h2>Add a member</h2>
      {error !== null && !(error instanceof ApiError && error.issues.length) && <ErrorBanner error={error} title="Not added." />}
      <div className="form-grid">
        <TextField label="Email" type="email" value={form.email} onChange={set('email')} error={errors('email')} required autoFocus />
        <TextField label="Name" value={form.name} onChange={set('name')} error={errors('name')} />
        <SelectField label="Role" value={form.role} onChange={set('role')} options={ROLES.map((r) => ({ value: r, label: r }))} error={errors('role')} hint={ROLE_HELP[form.role]} />
        <TextField label="Initial password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} error={errors('password')} hint="Needed only for someone without a Custos account; at least 12 characters." />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Add member
        </Button>
        <Button variant="ghost" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
