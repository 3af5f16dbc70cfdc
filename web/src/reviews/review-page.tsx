import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { ReviewEditor } from './review-editor.tsx';
import type { Review } from './types.ts';

/** Finds the incident's review, and starts it (pre-filled from the incident) when a responder opens the page. */
function useReviewOf(incidentId: string) {
  const client = useClient();
  const canRespond = useCan('respond');
  const found = useFetch<Page<Review>>('/reviews', { incidentId, limit: 1 });
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<unknown>(null);
  const existing = found.data?.data[0];
  useEffect(() => {
    if (existing) return setReview(existing);
    if (!found.data || !canRespond) return;
    client.post<Review>('/reviews', { incidentId }).then(setReview, setError);
  }, [existing, found.data, canRespond, client, incidentId]);
  return { review, setReview, error: error ?? found.error, loaded: !!found.data };
}

export function ReviewPage({ incidentId }: { incidentId: string }) {
  const { review, setReview, error, loaded } = useReviewOf(incidentId);
  const back = (
    <Link href={`/incidents/${incidentId}`} className="btn">
      Back to the incident
    </Link>
  );
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/incidents', label: 'Incidents' }, { href: `/incidents/${incidentId}`, label: review?.incidentTitle ?? 'Incident' }]} current="Review" />
      <PageHeader
        title={review ? `Review: ${review.incidentTitle}` : 'Post-incident review'}
        documentTitle="Post-incident review"
        subtitle={
          review && (
            <span>
              {review.severity} · {review.status === 'filed' ? <>filed by {review.filedBy} <Time value={review.filedAt} /></> : review.dueAt ? <>due <Time value={review.dueAt} absolute />{review.overdue && <strong className="danger-text"> (overdue)</strong>}</> : 'draft'}
            </span>
          )
        }
        actions={back}
      />
      {error !== null && error !== undefined && <ErrorBanner error={error} title="The review could not be opened." />}
      {!review && !error && (loaded ? <div className="card"><EmptyState title="No review yet">A responder starts it from the incident.</EmptyState></div> : <Loading label="Opening the review…" />)}
      {review && <ReviewEditor key={review.id} review={review} onChange={setReview} />}
    </div>
  );
}
