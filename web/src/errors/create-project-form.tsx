import type { FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useSave } from '../api/use-save.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { useTextForm } from '../components/use-text-form.ts';
import type { Project } from './types.ts';

export const PLATFORMS = [
  { value: 'node', label: 'Node.js' },
  { value: 'javascript', label: 'Browser JavaScript' },
  { value: 'python', label: 'Python' },
  { value: 'other', label: 'Other' },
];

export function CreateProjectForm({ onDone }: { onDone: (created: Project | null) => void }) {
  const client = useClient();
  const [form, set] = useTextForm({ name: '', slug: '', platform: 'node' });
  const { error, busy, run, errors } = useSave();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onDone(await client.post<Project>('/projects', { name: form.name, platform: form.platform, ...(form.slug.trim() ? { slug: form.slug.trim() } : {}) })));
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Create a project">
      <h2>New project</h2>
      <FormError error={error} title="Not created." />
      <div className="form-grid">
        <TextField label="Project name" value={form.name} onChange={set('name')} error={errors('name')} placeholder="Shop API" required autoFocus />
        <TextField label="Slug" value={form.slug} onChange={set('slug')} error={errors('slug')} placeholder="shop-api" hint="Optional; defaults to the name in lowercase." spellCheck={false} />
        <SelectField label="Platform" value={form.platform} onChange={set('platform')} options={PLATFORMS} error={errors('platform')} />
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        Personal data (e-mails, IP addresses, tokens, card numbers, names and addresses) is scrubbed before anything is stored; the settings can add fields.
      </p>
      <SubmitCancel label="Create project" busy={busy} onCancel={() => onDone(null)} />
    </form>
  );
}
