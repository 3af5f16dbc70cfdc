import { Link } from 'wouter';
import { Time } from '../components/time.tsx';
import { projectHref, type IssueDetail } from './types.ts';

/** The issue's tag values with their share of events, the way people scan them for a pattern. */
export function TagFacets({ issue }: { issue: IssueDetail }) {
  if (issue.tags.length === 0) return <p className="muted">No tags yet.</p>;
  return (
    <dl className="facets">
      {issue.tags.map((t) => {
        const total = t.topValues.reduce((n, v) => n + v.count, 0) || 1;
        return (
          <div key={t.key} className="facet">
            <dt className="mono small">
              {t.key}
              {t.totalValues > t.topValues.length && <span className="muted"> · {t.totalValues} values</span>}
            </dt>
            {t.topValues.slice(0, 3).map((v) => (
              <dd key={v.value} title={`${v.count} events`}>
                <span className="facet-bar" style={{ width: `${Math.round((v.count / total) * 100)}%` }} />
                <span className="facet-value truncate" title={v.value}>{v.value}</span>
                <span className="facet-pct small">{Math.round((v.count / total) * 100)}%</span>
              </dd>
            ))}
          </div>
        );
      })}
    </dl>
  );
}

/** Where the issue was first and last seen per release, and where it came back. */
export function ReleaseTimeline({ issue }: { issue: IssueDetail }) {
  if (issue.releases.length === 0) return <p className="muted small">Events carried no release.</p>;
  return (
    <ol className="timeline">
      {issue.releases.map((r) => (
        <li key={r.release} data-state={r.regressed ? 'down' : r.release === issue.firstRelease ? 'degraded' : undefined}>
          <Link href={`${projectHref(issue.projectId)}?status=all&release=${encodeURIComponent(r.release)}`} className="mono small strong-link" title="Issues seen in this release">
            {r.release}
          </Link>
          <span className="small">
            {' '}
            · {r.count.toLocaleString()} event{r.count === 1 ? '' : 's'}
            {r.release === issue.firstRelease && ' · first seen here'}
            {r.regressed && ' · regressed'}
          </span>
          <div className="small muted">
            <Time value={r.firstSeen} /> – <Time value={r.lastSeen} />
          </div>
        </li>
      ))}
    </ol>
  );
}
