import type { ReactNode } from 'react';
import { isMissingRoute } from '../../api/client.ts';
import type { Fetched } from '../../api/use-fetch.ts';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { Loading } from '../../components/loading.tsx';

/** A card over one history endpoint: loading, errors, and a calm note where the server lacks it. */
export function HistoryCard<T>({ title, fetched, actions, children }: { title: string; fetched: Fetched<T>; actions?: ReactNode; children: (data: T) => ReactNode }) {
  return (
    <section className="card" aria-label={title}>
      <div className="card-header">
        <h2>{title}</h2>
        {actions}
      </div>
      {fetched.error ? (
        isMissingRoute(fetched.error) ? (
          <p className="muted">This server does not record this history yet.</p>
        ) : (
          <ErrorBanner error={fetched.error} />
        )
      ) : fetched.data === undefined ? (
        <Loading />
      ) : (
        children(fetched.data)
      )}
    </section>
  );
}
