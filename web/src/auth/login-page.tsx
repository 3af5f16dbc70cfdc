import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../api/field-errors.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextField } from '../components/field.tsx';
import { AuthCard } from './auth-card.tsx';
import { useSession } from './session.tsx';

export function LoginPage() {
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [org, setOrg] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ email, password, ...(org.trim() ? { org: org.trim() } : {}) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Log in">
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {error !== null && !errors('email') && !errors('password') && <ErrorBanner error={error} />}
        <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors('email')} autoFocus />
        <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors('password')} />
        <details>
          <summary>Organization</summary>
          <TextField label="Organization slug" hint="Leave empty for your first organization; switch later from the sidebar." value={org} onChange={(e) => setOrg(e.target.value)} error={errors('org')} />
        </details>
        <Button type="submit" variant="primary" busy={busy}>
          Log in
        </Button>
      </form>
    </AuthCard>
  );
}
