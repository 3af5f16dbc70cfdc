import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useCursorList } from '../api/use-cursor-list.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { CreateProjectForm, PLATFORMS } from './create-project-form.tsx';
import { projectHref, type Project } from './types.ts';

const platformLabel = (p: string | null) => PLATFORMS.find((o) => o.value === p)?.label ?? p ?? '—';

export function ErrorProjectsPage() {
  const canWrite = useCan('write');
  const [, navigate] = useLocation();
  const list = useCursorList<Project>('/projects', { limit: 100 });
  const [creating, setCreating] = useState(false);

  return (
    <div className="page">
      <PageHeader
        title="Errors"
        subtitle="Application errors sent by the Sentry SDKs, grouped into issues, per project."
        actions={canWrite && !creating && <Button variant="primary" onClick={() => setCreating(true)}>New project</Button>}
      />
      {creating && <CreateProjectForm onDone={(p) => (p ? navigate(`${projectHref(p.id)}?created=1`) : setCreating(false))} />}
      <ListStates
        what="projects"
        error={list.error}
        loaded={list.loaded}
        count={list.items.length}
        empty={
          !creating && (
            <EmptyState title="No error projects yet" actions={canWrite && <Button variant="primary" onClick={() => setCreating(true)}>Create a project</Button>}>
              A project gets a DSN: point the Sentry SDK of your app at it, and every exception it captures becomes an issue here, scrubbed of personal data.
            </EmptyState>
          )
        }
      />
      {list.items.length > 0 && (
        <DataTable
          label="Projects"
          columns={['Project', 'Platform', 'DSN', 'Created', '']}
          footer={<LoadMore list={list} />}
        >
          {list.items.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={projectHref(p.id)} className="monitor-name">
                  {p.name}
                </Link>
                <span className="muted small mono">{p.slug}</span>
              </td>
              <td className="nowrap">{platformLabel(p.platform)}</td>
              <td className="dsn-cell">{p.dsn ? <code className="small">{p.dsn}</code> : <span className="muted small">no active key</span>}</td>
              <td className="nowrap">
                <Time value={p.createdAt} />
              </td>
              <td className="nowrap">
                <span className="row" style={{ gap: '0.75rem', flexWrap: 'nowrap' }}>
                  <Link href={projectHref(p.id, 'releases')}>Releases</Link>
                  <Link href={projectHref(p.id, 'settings')}>Settings</Link>
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
