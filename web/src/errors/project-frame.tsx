import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useFetch, type Fetched } from '../api/use-fetch.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { projectHref, type Project } from './types.ts';

type Tab = 'issues' | 'releases' | 'settings';
const TABS: Array<{ tab: Tab; label: string }> = [
  { tab: 'issues', label: 'Issues' },
  { tab: 'releases', label: 'Releases' },
  { tab: 'settings', label: 'Settings' },
];

export const useProject = (id: string): Fetched<Project> => useFetch<Project>(`/projects/${id}`);

/** A project's page: breadcrumb, title, tabs, then the tab's content once the project has loaded. */
export function ProjectFrame({ id, tab, project, actions, children }: { id: string; tab: Tab; project: Fetched<Project>; actions?: ReactNode; children: (p: Project) => ReactNode }) {
  if (project.error) return <LoadFailure error={project.error} what="Project" back={{ href: '/errors', label: 'Back to projects' }} note="It may belong to another organization." errorTitle="The project could not be loaded." />;
  const p = project.data;
  const label = TABS.find((t) => t.tab === tab)!.label;
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/errors', label: 'Errors' }]} current={p?.name ?? '…'} />
      <PageHeader title={p?.name ?? 'Project'} documentTitle={p ? `${label} · ${p.name}` : undefined} subtitle={p && <span className="mono small">{p.slug} · project {p.number}</span>} actions={actions} />
      <nav className="tabs" aria-label="Project">
        {TABS.map((t) => (
          <Link key={t.tab} href={projectHref(id, t.tab === 'issues' ? undefined : t.tab)} aria-current={t.tab === tab ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {p ? children(p) : <Loading label="Loading project…" />}
    </div>
  );
}
