import { useCallback } from 'react';
import { useSearchParams } from 'wouter';
import type { Page } from '../api/types.ts';
import { useCursorList } from '../api/use-cursor-list.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useLiveReload } from '../api/use-live-reload.ts';
import { Button } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { WindowList } from '../components/window-list.tsx';
import { IssueFilterBar, useIssueFilters } from './issue-filters.tsx';
import { IssueRow } from './issue-row.tsx';
import { ProjectFrame, useProject } from './project-frame.tsx';
import { SdkSetup } from './sdk-setup.tsx';
import type { Issue, Project, Release } from './types.ts';

const PAGE = 100;

function IssueList({ project }: { project: Project }) {
  const [filters, setFilters] = useIssueFilters();
  const [params] = useSearchParams();
  const releases = useFetch<Page<Release>>(`/projects/${project.id}/releases`, { limit: 100 });
  const list = useCursorList<Issue>('/issues', {
    projectId: project.id,
    status: filters.status === 'all' ? undefined : filters.status,
    level: filters.level,
    release: filters.release,
    environment: filters.environment,
    query: filters.query,
    sort: filters.sort,
    limit: PAGE,
  });
  const { items, hasMore, loading, loadMore } = list;
  // On a timer only (no monitor ids: monitor events say nothing about issues). A refresh brings back
  // the first page only: skip it once more pages are loaded, or the list would jump.
  useLiveReload(() => items.length <= PAGE && list.reload(), { everyMs: 30_000, monitorIds: [] });
  const onRange = useCallback((_first: number, last: number) => {
    if (hasMore && !loading && last >= items.length - 20) loadMore();
  }, [hasMore, loading, items.length, loadMore]);

  const filtered = filters.status !== 'unresolved' || filters.level || filters.release || filters.environment || filters.query;
  const fresh = params.get('created') === '1';
  return (
    <>
      {fresh && <SdkSetup project={project} title="Project created: now send it events" />}
      <IssueFilterBar filters={filters} onChange={setFilters} releases={(releases.data?.data ?? []).map((r) => r.version)} />
      {list.error && <ErrorBanner error={list.error} title="The issues could not be loaded." />}
      {!list.loaded && <Loading label="Loading issues…" />}
      {list.loaded && !list.error && items.length === 0 && (
        <div className="card">
          {filtered ? (
            <EmptyState title="No issue matches" actions={<Button onClick={() => setFilters({ status: 'unresolved', level: '', release: '', environment: '', query: '' })}>Show unresolved issues</Button>}>
              Try another status, level, release or environment, or fewer words.
            </EmptyState>
          ) : (
            <EmptyState title="No unresolved issues">Nothing is failing right now. New errors the SDK sends appear here within seconds.</EmptyState>
          )}
        </div>
      )}
      {list.loaded && !filtered && items.length === 0 && !fresh && <SdkSetup project={project} />}
      {items.length > 0 && (
        <div className="card issue-table" role="table" aria-label="Issues" aria-rowcount={hasMore ? -1 : items.length + 1}>
          <div role="row" className="issue-row issue-head">
            <span role="columnheader" className="col-issue">
              {items.length.toLocaleString()}
              {hasMore ? '+' : ''} issue{items.length === 1 && !hasMore ? '' : 's'}
            </span>
            <span role="columnheader" className="col-count num">
              Events
            </span>
            <span role="columnheader" className="col-count num">
              Users
            </span>
            <span role="columnheader" className="col-seen">
              Last seen
            </span>
          </div>
          <WindowList items={items} getKey={(i) => i.id} estimateSize={62} renderRow={(issue) => <IssueRow issue={issue} />} onRange={onRange} />
          {loading && hasMore && <Loading label="Loading more…" />}
        </div>
      )}
    </>
  );
}

export function ProjectIssuesPage({ id }: { id: string }) {
  const project = useProject(id);
  return (
    <ProjectFrame id={id} tab="issues" project={project}>
      {(p) => <IssueList project={p} />}
    </ProjectFrame>
  );
}
