import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import { useSession } from '../auth/session.tsx';
import { useToast } from '../components/toasts.tsx';

export function OrgSwitcher() {
  const { me, switchOrg } = useSession();
  const [, navigate] = useLocation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const id = useId();
  if (!me) return null;
  if (me.orgs.length < 2) return <div className="who" title={me.org.slug}>{me.org.name}</div>;
  const change = async (slug: string) => {
    setBusy(true);
    try {
      await switchOrg(slug);
      navigate('/monitors');
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id} className="sr-only">
        Organization
      </label>
      <select id={id} className="input" value={me.org.slug} disabled={busy} onChange={(e) => void change(e.target.value)}>
        {me.orgs.map((o) => (
          <option key={o.id} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
