import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import type { RunbookMatch } from '../runbooks/types.ts';
import type { IncidentDetail } from './types.ts';

/** Runbooks whose labels match the incident's (or its alerts'), most specific first; opening one goes on the timeline. */
export function RunbooksCard({ incident }: { incident: IncidentDetail }) {
  const client = useClient();
  const canWrite = useCan('write');
  const labels = Object.assign({}, ...incident.alerts.map((a) => a.labels), incident.labels) as Record<string, string>;
  const fetched = useFetch<{ data: RunbookMatch[] }>('/runbooks/match', undefined, { body: { labels } });
  const opened = (r: RunbookMatch) => void client.post(`/incidents/${incident.id}/runbook-opened`, { runbookId: r.id, title: r.title }).catch(() => undefined);
  const runbooks = fetched.data?.data ?? [];
  return (
    <section className="card stack" aria-labelledby="runbooks-title">
      <h2 id="runbooks-title">Runbooks</h2>
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {fetched.data && runbooks.length === 0 && (
        <p className="muted small" style={{ margin: 0 }}>
          No runbook matches these labels.{canWrite && <> <Link href="/runbooks/new">Write one</Link> keyed by service, domain or monitor.</>}
        </p>
      )}
      {runbooks.length > 0 && (
        <ul className="event-list">
          {runbooks.map((r) => (
            <li key={r.id}>
              <Link href={`/runbooks/${r.id}`} onClick={() => opened(r)}>
                {r.title}
              </Link>
              <span className="small muted">matched on {r.matchedOn.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
