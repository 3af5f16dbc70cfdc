import { useEffect, useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { useSave } from '../api/use-save.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextField } from '../components/field.tsx';
import { Loading } from '../components/loading.tsx';
import type { EvidenceSettings } from './types.ts';

/** The scheduled monthly export: the past month's pack, written to a directory on the 1st at 01:00 UTC. */
export function MonthlyExportCard({ orgSlug }: { orgSlug: string }) {
  const client = useClient();
  const canEdit = useCan('admin');
  const settings = useFetch<EvidenceSettings>('/evidence/settings');
  const [dir, setDir] = useState('');
  const save = useSave();
  const current = settings.data?.exportDir ?? null;
  useEffect(() => setDir(current ?? ''), [current]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const next = await client.put<EvidenceSettings>('/evidence/settings', { exportDir: dir.trim() || null });
      settings.setData(() => next);
    });
  };

  return (
    <section className="card stack" aria-labelledby="monthly-export">
      <h2 id="monthly-export">Monthly export</h2>
      {settings.error && <ErrorBanner error={settings.error} title="The export settings could not be loaded." />}
      {!settings.data && !settings.error && <Loading />}
      {settings.data && (
        <p className="flush">
          {current ? (
            <>
              <span className="badge" data-state="up">scheduled</span> On the 1st of each month at 01:00 UTC, the past month's pack is written to <code className="wrap">{`${current}/custos-evidence-${orgSlug}-YYYY-MM.tar`}</code>.
            </>
          ) : (
            <>
              <span className="badge" data-state="paused">off</span> No monthly export is scheduled.
            </>
          )}
        </p>
      )}
      {canEdit && settings.data && (
        <form className="inline-form" onSubmit={submit}>
          <TextField label="Directory on the Custos server" placeholder="/var/lib/custos/evidence" value={dir} onChange={(e) => setDir(e.target.value)} error={save.errors('exportDir')} hint="An absolute path; leave empty to stop the monthly export." />
          <Button type="submit" busy={save.busy}>
            Save
          </Button>
        </form>
      )}
      {!save.errors('exportDir') && <ErrorBanner error={save.error} />}
    </section>
  );
}
