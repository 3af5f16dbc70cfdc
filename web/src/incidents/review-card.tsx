import { Link } from 'wouter';
import { useCan } from '../auth/session.tsx';
import { Time } from '../components/time.tsx';
import type { Incident } from './types.ts';

/** Whether a post-incident review is required and done, with the way to it. */
export function ReviewCard({ incident }: { incident: Incident }) {
  const canRespond = useCan('respond');
  const done = !!incident.reviewDoneAt;
  return (
    <section className="card stack" aria-labelledby="review-title">
      <h2 id="review-title">Post-incident review</h2>
      <p className="small" style={{ margin: 0 }}>
        {done ? (
          <>
            Filed <Time value={incident.reviewDoneAt} />.
          </>
        ) : incident.reviewRequired ? (
          <strong className="danger-text">Required before the incident can close.</strong>
        ) : (
          <span className="muted">Not required for {incident.severity}; write one anyway if there is something to learn.</span>
        )}
      </p>
      <Link href={`/incidents/${incident.id}/review`} style={{ alignSelf: 'flex-start' }} className={`btn btn-sm${!done && incident.reviewRequired && incident.status !== 'triggered' ? ' btn-primary' : ''}`}>
        {done ? 'Open the review' : canRespond ? 'Write the review' : 'See the draft'}
      </Link>
    </section>
  );
}
