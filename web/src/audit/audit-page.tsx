import { useCallback, useEffect, useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import type { AuditEvent, Page } from '../api/types.ts';
import { Button } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { AuditFilterBar, auditQuery, type AuditFilters } from './audit-filters.tsx';
import { ChainBanner } from './chain-banner.tsx';

export function AuditPage() {
  const client = useClient();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (from: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(null);
      try {
        const page = await client.get<Page<AuditEvent>>('/audit/events', { query: { ...auditQuery(filters), cursor: from, limit: 50 }, signal });
        setEvents((prev) => (from ? [...prev, ...page.data] : page.data));
        setCursor(page.nextCursor);
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setError(err);
      } finally {
        setLoading(false);
      }
    },
    [client, filters],
  );

  useEffect(() => {
    const abort = new AbortController();
    void load(null, abort.signal);
    return () => abort.abort();
  }, [load]);

  return (
    <div className="page">
      <PageHeader title="Audit log" subtitle="Every change, who made it and when; newest first. The chain is hash-linked, so edits or deletions show as a break." />
      <ChainBanner />
      <AuditFilterBar value={filters} onApply={setFilters} />
      {error !== null && <ErrorBanner error={error} />}
      {events.length === 0 && loading && <Loading />}
      {events.length === 0 && !loading && !error && (
        <div className="card">
          <EmptyState title="No events match">Widen the time range or clear a filter.</EmptyState>
        </div>
      )}
      {events.length > 0 && (
        <div className="card table-wrap">
          <table className="table stack-sm">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Time</th>
                <th>Actor</th>
                <th>Action</th>
                <th>Subject</th>
                <th>Data</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap">
                    <Time value={e.at} absolute />
                  </td>
                  <td>
                    {e.actor.display}
                    <div className="small muted">{e.actor.type}</div>
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td className="small">
                    {e.subject.type}
                    <div className="muted mono">{e.subject.id}</div>
                  </td>
                  <td>
                    {e.data !== null && e.data !== undefined && Object.keys(e.data as object).length > 0 ? (
                      <details>
                        <summary className="small">Show</summary>
                        <pre className="audit-data">{JSON.stringify(e.data, null, 2)}</pre>
                      </details>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions" style={{ padding: '0.75rem 0 0' }}>
            {cursor ? (
              <Button onClick={() => void load(cursor)} busy={loading}>
                Load older events
              </Button>
            ) : (
              <span className="muted small">Start of the log.</span>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
