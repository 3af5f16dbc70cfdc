import { useState } from 'react';
import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { LabelList } from '../components/labels.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import { useDeleteAndLeave } from '../components/use-delete-and-leave.ts';
import { MarkdownView } from './markdown-view.tsx';
import type { Runbook, RunbookVersionSummary } from './types.ts';

function Versions({ runbook, shown, onShow, onRestored }: { runbook: Runbook; shown: number; onShow: (v: number) => void; onRestored: () => void }) {
  const client = useClient();
  const toast = useToast();
  const canWrite = useCan('write');
  const versions = useFetch<Page<RunbookVersionSummary>>(`/runbooks/${runbook.id}/versions`, undefined, { refreshKey: runbook.version });
  const restore = async (v: number) => {
    try {
      await client.post(`/runbooks/${runbook.id}/versions/${v}/restore`);
      toast.info(`Version ${v} restored as a new version`);
      onRestored();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  return (
    <section className="card stack" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      {!versions.data && <Loading />}
      <ol className="event-list" reversed>
        {(versions.data?.data ?? []).map((v) => (
          <li key={v.version} aria-current={v.version === shown || undefined} className="version-row">
            <span className="row" style={{ gap: '0.4rem' }}>
              <Button size="sm" variant={v.version === shown ? 'primary' : 'secondary'} onClick={() => onShow(v.version)}>
                v{v.version}
              </Button>
              <span className="small">
                {v.author.display} · <Time value={v.createdAt} />
              </span>
            </span>
            {v.note && <span className="small muted">{v.note}</span>}
            {canWrite && v.version !== runbook.version && v.version === shown && (
              <ConfirmButton size="sm" variant="secondary" title={`Restore version ${v.version}?`} message="Its text becomes a new version; nothing is lost." confirmLabel="Restore" onConfirm={() => restore(v.version)}>
                Restore this version
              </ConfirmButton>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function RunbookPage({ id }: { id: string }) {
  const deleteAndLeave = useDeleteAndLeave();
  const canWrite = useCan('write');
  const fetched = useFetch<Runbook>(`/runbooks/${id}`);
  const [shown, setShown] = useState<number | null>(null);
  const runbook = fetched.data;
  const old = useFetch<Runbook>(runbook && shown !== null && shown !== runbook.version ? `/runbooks/${id}/versions/${shown}` : null);
  if (fetched.error) return <LoadFailure error={fetched.error} what="Runbook" back={{ href: '/runbooks', label: 'Back to runbooks' }} note="It may have been deleted, or belong to another organization." />;
  if (!runbook) return <Loading label="Loading runbook…" />;
  const current = shown ?? runbook.version;
  const html = current === runbook.version ? runbook.html : old.data?.html;
  const remove = () => deleteAndLeave({ path: `/runbooks/${id}`, name: runbook.title, back: '/runbooks' });
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/runbooks', label: 'Runbooks' }]} current={runbook.slug} />
      <PageHeader
        title={runbook.title}
        subtitle={
          <span className="row">
            Applies to <LabelList labels={runbook.match} max={8} />
          </span>
        }
        actions={
          canWrite && (
            <>
              <Link href={`/runbooks/${id}/edit`} className="btn btn-primary">
                Edit
              </Link>
              <ConfirmButton title={`Delete ${runbook.title}?`} message="Its versions go too; incidents stop linking to it." confirmLabel="Delete runbook" onConfirm={remove}>
                Delete
              </ConfirmButton>
            </>
          )
        }
      />
      <div className="runbook-layout">
        <article className="card">
          {current !== runbook.version && (
            <div className="banner info" role="status">
              Showing version {current}; the current one is v{runbook.version}.
            </div>
          )}
          {html === undefined ? <Loading /> : <MarkdownView html={html} label={`${runbook.title}, version ${current}`} />}
        </article>
        <Versions runbook={runbook} shown={current} onShow={setShown} onRestored={() => {
          setShown(null);
          fetched.reload();
        }} />
      </div>
    </div>
  );
}
