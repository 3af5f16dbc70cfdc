import { useFetch, type Fetched } from '../../api/use-fetch.ts';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { Loading } from '../../components/loading.tsx';
import type { OutcomesReport, ScrubReport } from '../types.ts';

/** What arrived in the last 24 hours and what was refused (never silently), and what scrubbing removed. */
export function IngestCard({ projectId, outcomes }: { projectId: string; outcomes: Fetched<OutcomesReport> }) {
  const scrub = useFetch<ScrubReport>(`/projects/${projectId}/scrub-report`);
  const rows = outcomes.data?.totals ?? [];
  return (
    <section className="card stack" aria-labelledby="ingest">
      <h2 id="ingest">Ingest, last 24 hours</h2>
      {outcomes.error && <ErrorBanner error={outcomes.error} />}
      {!outcomes.data && !outcomes.error && <Loading />}
      {outcomes.data && (
        <>
          {rows.length === 0 ? (
            <p className="muted">Nothing received in the last 24 hours.</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label="Outcomes">
                <thead>
                  <tr>
                    <th>Outcome</th>
                    <th>Category</th>
                    <th>Reason</th>
                    <th className="num">Items</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.outcome}/${r.category}/${r.reason}`}>
                      <td className={r.outcome === 'accepted' ? undefined : 'danger-text'}>{r.outcome.replaceAll('_', ' ')}</td>
                      <td>{r.category}</td>
                      <td className="mono small">{r.reason || '—'}</td>
                      <td className="num">{r.quantity.toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="small muted" style={{ margin: 0 }}>
            Queue: {outcomes.data.queue.queued.toLocaleString()} waiting to be grouped{outcomes.data.queue.failed > 0 && <strong className="danger-text">, {outcomes.data.queue.failed} failed (kept)</strong>}.
          </p>
        </>
      )}
      <h3 className="small">Scrubbed before storage</h3>
      {scrub.data &&
        (scrub.data.rules.length === 0 ? (
          <p className="muted small">{scrub.data.enabled ? 'Nothing removed yet.' : 'Scrubbing is off for this project.'}</p>
        ) : (
          <ul className="chips" aria-label="Values removed per rule">
            {scrub.data.rules.map((r) => (
              <li key={r.rule} className="tag">
                {r.rule} <strong>{r.count.toLocaleString()}</strong>
              </li>
            ))}
          </ul>
        ))}
      {scrub.error && <ErrorBanner error={scrub.error} />}
    </section>
  );
}
