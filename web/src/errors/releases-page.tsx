import { Fragment, useState } from 'react';
import { Link } from 'wouter';
import { useCursorList } from '../api/use-cursor-list.ts';
import { Button } from '../components/button.tsx';
import { CodeBlock } from '../components/code-block.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { Time } from '../components/time.tsx';
import { ProjectFrame, useProject } from './project-frame.tsx';
import { ReleaseArtifacts } from './release-artifacts.tsx';
import { sourcemapCommand } from './snippets.ts';
import { projectHref, type Project, type Release } from './types.ts';

function ReleaseTable({ project }: { project: Project }) {
  const list = useCursorList<Release>(`/projects/${project.id}/releases`, { limit: 100 });
  const [open, setOpen] = useState<string | null>(null);
  if (list.error || !list.loaded || list.items.length === 0) {
    return <ListStates what="releases" error={list.error} loaded={list.loaded} count={list.items.length} empty={<EmptyState title="No releases yet">Releases appear when events carry a <code>release</code>, or when CI creates one before a deploy.</EmptyState>} />;
  }
  const issues = (version: string) => `${projectHref(project.id)}?status=all&release=${encodeURIComponent(version)}`;
  return (
    <div className="card table-wrap">
      <table className="table stack-sm" aria-label="Releases">
        <thead>
          <tr>
            <th>Release</th>
            <th className="num">Events</th>
            <th className="num">New issues</th>
            <th className="num">Regressions</th>
            <th>Events seen</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.items.map((r) => (
            <Fragment key={r.version}>
              <tr>
                <td>
                  <Link href={issues(r.version)} className="monitor-name mono">
                    {r.version}
                  </Link>
                  <span className="muted small">
                    created <Time value={r.createdAt} />
                  </span>
                </td>
                <td className="num">{r.eventCount.toLocaleString()}</td>
                <td className="num">{r.newIssues.toLocaleString()}</td>
                <td className="num">{r.regressions > 0 ? <strong className="danger-text">{r.regressions}</strong> : 0}</td>
                <td className="small">{r.firstEventAt ? <><Time value={r.firstEventAt} /> – <Time value={r.lastEventAt} /></> : <span className="muted">no events</span>}</td>
                <td className="nowrap">
                  <Button size="sm" aria-expanded={open === r.version} onClick={() => setOpen(open === r.version ? null : r.version)}>
                    {open === r.version ? 'Hide source maps' : 'Source maps'}
                  </Button>
                </td>
              </tr>
              {open === r.version && (
                <tr>
                  <td colSpan={6}>
                    <ReleaseArtifacts projectId={project.id} release={r.version} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} />
    </div>
  );
}

export function ProjectReleasesPage({ id }: { id: string }) {
  const project = useProject(id);
  return (
    <ProjectFrame id={id} tab="releases" project={project}>
      {(p) => (
        <>
          <ReleaseTable project={p} />
          <section className="card stack" aria-labelledby="upload-maps">
            <h2 id="upload-maps">Upload source maps</h2>
            <p className="small muted" style={{ margin: 0 }}>
              Minified JavaScript frames are mapped to the original file, line and function when the event is stored, matched by debug id or by release and file URL.
            </p>
            <CodeBlock label="From a build folder" text={sourcemapCommand(p)} />
          </section>
        </>
      )}
    </ProjectFrame>
  );
}
