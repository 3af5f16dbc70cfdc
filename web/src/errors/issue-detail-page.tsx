import { useSearchParams } from 'wouter';
import { useFetch } from '../api/use-fetch.ts';
import { useLiveReload } from '../api/use-live-reload.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { EventNav } from './event/event-nav.tsx';
import { EventView } from './event/event-view.tsx';
import { IssueActions } from './issue-actions.tsx';
import { IssueStatusBadge, LevelBadge } from './issue-badges.tsx';
import { ReleaseTimeline, TagFacets } from './issue-facets.tsx';
import { HourlyBars } from './hourly-bars.tsx';
import { projectHref, type EventDetail, type IssueDetail, type Project } from './types.ts';

function SelectedEvent({ issue, eventId }: { issue: IssueDetail; eventId: string | null }) {
  const fetched = useFetch<EventDetail>(eventId ? `/issues/${issue.id}/events/${eventId}` : null);
  const event = eventId ? fetched.data : issue.latestEvent;
  if (eventId && fetched.error) return <ErrorBanner error={fetched.error} title="This event could not be loaded." />;
  if (!event) return eventId ? <Loading label="Loading event…" /> : <p className="muted">No event is stored for this issue.</p>;
  return <EventView event={event} />;
}

export function IssueDetailPage({ id }: { id: string }) {
  const [params] = useSearchParams();
  const eventId = params.get('event');
  const fetched = useFetch<IssueDetail>(`/issues/${id}`);
  const project = useFetch<Project>(fetched.data ? `/projects/${fetched.data.projectId}` : null);
  useLiveReload(fetched.reload, { everyMs: 30_000, monitorIds: [] });
  const issue = fetched.data;

  if (fetched.error) return <LoadFailure error={fetched.error} what="Issue" back={{ href: '/errors', label: 'Back to projects' }} note="It may belong to another organization." errorTitle="The issue could not be loaded." />;
  if (!issue) return <Loading label="Loading issue…" />;

  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/errors', label: 'Errors' }, { href: projectHref(issue.projectId), label: project.data?.name ?? 'Project' }]} current="Issue" />
      <PageHeader
        title={<span className="issue-heading">{issue.title}</span>}
        documentTitle={issue.title}
        subtitle={
          <span className="row" style={{ gap: '0.4rem' }}>
            <IssueStatusBadge issue={issue} /> <LevelBadge level={issue.level} />
            {issue.culprit && <code className="small">{issue.culprit}</code>}
          </span>
        }
        actions={<IssueActions issue={issue} onChange={(next) => fetched.setData((prev) => prev && { ...prev, ...next })} />}
      />
      <div className="detail-summary">
        <span>
          <strong>{issue.eventCount.toLocaleString()}</strong> event{issue.eventCount === 1 ? '' : 's'}
        </span>
        <span>
          <strong>{issue.userCount.toLocaleString()}</strong> user{issue.userCount === 1 ? '' : 's'} affected
        </span>
        <span>
          first seen <Time value={issue.firstSeen} />
          {issue.firstRelease && <> in <strong>{issue.firstRelease}</strong></>}
        </span>
        <span>
          last seen <Time value={issue.lastSeen} />
        </span>
        {issue.environments.length > 0 && <span>in {issue.environments.join(', ')}</span>}
      </div>
      <div className="issue-layout">
        <div className="stack issue-main">
          <EventNav issueId={issue.id} eventId={eventId ?? issue.latestEvent?.eventId} total={issue.eventCount} />
          <SelectedEvent key={eventId ?? 'latest'} issue={issue} eventId={eventId} />
        </div>
        <aside className="stack issue-side" aria-label="Issue facts">
          <section className="card" aria-labelledby="activity">
            <h2 id="activity">Last 24 hours</h2>
            <HourlyBars buckets={issue.histogram} level={issue.level} />
          </section>
          <section className="card" aria-labelledby="facets">
            <h2 id="facets">Tags</h2>
            <TagFacets issue={issue} />
          </section>
          <section className="card" aria-labelledby="releases">
            <h2 id="releases">Releases</h2>
            <ReleaseTimeline issue={issue} />
          </section>
        </aside>
      </div>
    </div>
  );
}
