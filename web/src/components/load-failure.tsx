import { Link } from 'wouter';
import { ApiError, isMissingRoute } from '../api/client.ts';
import { EmptyState } from './empty-state.tsx';
import { ErrorBanner } from './error-banner.tsx';

interface LoadFailureProps {
  error: Error;
  /** What the page shows, capitalized: "Channel". */
  what: string;
  back: { href: string; label: string };
  /** Why it may be missing, under "… not found". */
  note?: string;
  /** Heads the error banner for other errors. */
  errorTitle?: string;
}

/** A page whose object could not be loaded: "not found" (404, maybe another organization's) or the error. */
export function LoadFailure({ error, what, back, note = 'It may have been deleted, or it belongs to another organization.', errorTitle }: LoadFailureProps) {
  const gone = error instanceof ApiError && error.status === 404 && !isMissingRoute(error);
  return (
    <div className="page">
      {gone ? (
        <div className="card">
          <EmptyState title={`${what} not found`} actions={<Link href={back.href} className="btn">{back.label}</Link>}>
            {note}
          </EmptyState>
        </div>
      ) : (
        <ErrorBanner error={error} title={errorTitle} />
      )}
    </div>
  );
}
