import { Link } from 'wouter';
import { ApiError, isMissingRoute } from '../api/client.ts';
import { EmptyState } from './empty-state.tsx';
import { ErrorBanner } from './error-banner.tsx';

/** A page whose object could not be loaded: "not found" (404, maybe another organization's) or the error. */
export function LoadFailure({ error, what, back }: { error: Error; what: string; back: { href: string; label: string } }) {
  const gone = error instanceof ApiError && error.status === 404 && !isMissingRoute(error);
  return (
    <div className="page">
      {gone ? (
        <div className="card">
          <EmptyState title={`${what} not found`} actions={<Link href={back.href} className="btn">{back.label}</Link>}>
            It may belong to another organization.
          </EmptyState>
        </div>
      ) : (
        <ErrorBanner error={error} title={`The ${what.toLowerCase()} could not be loaded.`} />
      )}
    </div>
  );
}
