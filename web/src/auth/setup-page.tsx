import { useState, type FormEvent } from 'react';
import { useSave } from '../api/use-save.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextField } from '../components/field.tsx';
import { useTextForm } from '../components/use-text-form.ts';
import { AuthCard } from './auth-card.tsx';
import { useSession } from './session.tsx';

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);

export function SetupPage() {
  const { setup } = useSession();
  const [form, set, setForm] = useTextForm({ orgName: '', orgSlug: '', name: '', email: '', password: '' });
  const [slugTouched, setSlugTouched] = useState(false);
  const { error, busy, run, errors } = useSave();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => setup({ ...form, orgSlug: slugTouched ? form.orgSlug : slugify(form.orgName), name: form.name || undefined }));
  };

  const slug = slugTouched ? form.orgSlug : slugify(form.orgName);
  return (
    <AuthCard title="Set up Custos" intro="Create your organization and its owner account. You can invite the rest of your team afterwards.">
      <form className="stack" onSubmit={submit} noValidate>
        {error !== null && <ErrorBanner error={error} />}
        <TextField label="Organization name" required value={form.orgName} onChange={set('orgName')} error={errors('orgName')} autoFocus />
        <TextField
          label="Organization slug"
          hint="Lowercase letters, digits and dashes; used in URLs."
          required
          value={slug}
          onChange={(e) => {
            setSlugTouched(true);
            setForm((f) => ({ ...f, orgSlug: e.target.value }));
          }}
          error={errors('orgSlug')}
        />
        <TextField label="Your name" autoComplete="name" value={form.name} onChange={set('name')} error={errors('name')} />
        <TextField label="Email" type="email" autoComplete="username" required value={form.email} onChange={set('email')} error={errors('email')} />
        <TextField label="Password" type="password" autoComplete="new-password" hint="At least 12 characters." required value={form.password} onChange={set('password')} error={errors('password')} />
        <Button type="submit" variant="primary" busy={busy}>
          Create organization
        </Button>
      </form>
    </AuthCard>
  );
}
