import { Link } from 'wouter';
import { ApiError, isMissingRoute } from '../api/client.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';

/** A load error on a detail page: "not found" with a way back, or the error itself. */
export function LoadFailed({ error, what, back, backLabel }: { error: Error; what: string; back: string; backLabel: string }) {
  const gone = error instanceof ApiError && error.status === 404 && !isMissingRoute(error);
  return (
    <div className="page">
      {gone ? (
        <div className="card">
          <EmptyState title={`${what} not found`} actions={<Link href={back} className="btn">{backLabel}</Link>}>
            It may have been deleted, or belong to another organization.
          </EmptyState>
        </div>
      ) : (
        <ErrorBanner error={error} />
      )}
    </div>
  );
}
