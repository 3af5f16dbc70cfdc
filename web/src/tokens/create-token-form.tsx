import type { FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { ROLES, type ApiToken } from '../api/types.ts';
import { useSave } from '../api/use-save.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { useTextForm } from '../components/use-text-form.ts';
import { ROLE_HELP } from '../members/role-help.ts';

export type CreatedToken = ApiToken & { token: string };

export function CreateTokenForm({ onDone }: { onDone: (created: CreatedToken | null) => void }) {
  const client = useClient();
  const [form, set] = useTextForm({ name: '', role: 'viewer', expiresInDays: '90' });
  const { error, busy, run, errors } = useSave();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onDone(await client.post<CreatedToken>('/tokens', { name: form.name, role: form.role, ...(form.expiresInDays ? { expiresInDays: Number(form.expiresInDays) } : {}) })));
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Create an API token">
      <h2>Create an API token</h2>
      <FormError error={error} title="Not created." />
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
      <SubmitCancel label="Create token" busy={busy} onCancel={() => onDone(null)} />
    </form>
  );
}
