import { useCursorList } from '../api/use-cursor-list.ts';
import { LoadMore } from '../components/load-more.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { Time } from '../components/time.tsx';
import type { Artifact } from './types.ts';

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** The source maps and minified sources uploaded for one release. */
export function ReleaseArtifacts({ projectId, release }: { projectId: string; release: string }) {
  const list = useCursorList<Artifact>(`/projects/${projectId}/sourcemaps`, { release, limit: 200 });
  if (list.error) return <ErrorBanner error={list.error} title="The source maps could not be loaded." />;
  if (!list.loaded) return <Loading label="Loading source maps…" />;
  if (list.items.length === 0) return <p className="muted small">No source maps for this release: minified frames stay as they were sent.</p>;
  return (
    <div className="table-wrap">
      <table className="table artifact-table" aria-label={`Source maps of ${release}`}>
        <thead>
          <tr>
            <th>File</th>
            <th>Kind</th>
            <th>Debug id</th>
            <th className="num">Size</th>
            <th>Uploaded</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((a) => (
            <tr key={a.id}>
              <td className="mono small">
                {a.name}
                {a.dist && <span className="muted"> · dist {a.dist}</span>}
              </td>
              <td className="nowrap small">{a.kind === 'sourcemap' ? 'source map' : 'source'}</td>
              <td className="mono small">{a.debugId ?? <span className="muted">—</span>}</td>
              <td className="num nowrap small">{size(a.size)}</td>
              <td className="nowrap small">
                <Time value={a.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} />
    </div>
  );
}
