import type { FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { ROLES, type Member } from '../api/types.ts';
import { useSave } from '../api/use-save.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { useTextForm } from '../components/use-text-form.ts';
import { ROLE_HELP } from './role-help.ts';

export function AddMemberForm({ onDone }: { onDone: (added: Member | null) => void }) {
  const client = useClient();
  const [form, set] = useTextForm({ email: '', name: '', role: 'viewer', password: '' });
  const { error, busy, run, errors } = useSave();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onDone(await client.post<Member>('/members', { email: form.email, role: form.role, ...(form.name ? { name: form.name } : {}), ...(form.password ? { password: form.password } : {}) })));
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Add a member">
      <h2>Add a member</h2>
      <FormError error={error} title="Not added." />
      <div className="form-grid">
        <TextField label="Email" type="email" value={form.email} onChange={set('email')} error={errors('email')} required autoFocus />
        <TextField label="Name" value={form.name} onChange={set('name')} error={errors('name')} />
        <SelectField label="Role" value={form.role} onChange={set('role')} options={ROLES.map((r) => ({ value: r, label: r }))} error={errors('role')} hint={ROLE_HELP[form.role]} />
        <TextField label="Initial password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} error={errors('password')} hint="Needed only for someone without a Custos account; at least 12 characters." />
      </div>
      <SubmitCancel label="Add member" busy={busy} onCancel={() => onDone(null)} />
    </form>
  );
}
