import type { AuditEvent, Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { ListStates } from '../components/list-states.tsx';
import { Time } from '../components/time.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { num, ReportTable } from '../compliance/report/report-table.tsx';
import { Hash } from './hash.tsx';

interface ExportData {
  period?: { from: string; to: string };
  manifestSha256?: string;
  bytes?: number;
}

/** Packs exported so far, as the audit chain recorded them (action `evidence_pack.export`). */
export function PreviousExports({ refreshKey }: { refreshKey: number }) {
  const list = useFetch<Page<AuditEvent>>('/audit/events', { action: 'evidence_pack.export', limit: 20 }, { refreshKey });
  const events = list.data?.data ?? [];
  return (
    <section className="card stack" aria-labelledby="previous-exports">
      <h2 id="previous-exports">Previous exports</h2>
      {list.error || !list.data || events.length === 0 ? (
        <ListStates what="exports" error={list.error} loaded={!!list.data} count={events.length} empty={<EmptyState title="No pack exported yet">Each export, from here, the API or the CLI, is recorded in the audit chain.</EmptyState>} />
      ) : (
        <ReportTable label="Previous exports" className="" columns={['Exported', 'By', 'Period (UTC days)', num('Size'), 'Manifest SHA-256']}>
          <tbody>
            {events.map((e) => {
              const data = (e.data ?? {}) as ExportData;
              return (
                <tr key={e.id}>
                  <td className="nowrap">
                    <Time value={e.at} absolute />
                  </td>
                  <td data-label="By">{e.actor.display}</td>
                  <td className="nowrap" data-label="Period">{data.period ? `${data.period.from.slice(0, 10)} – ${data.period.to.slice(0, 10)}` : '—'}</td>
                  <td className="num" data-label="Size">{data.bytes ? `${Math.ceil(data.bytes / 1024).toLocaleString()} KB` : '—'}</td>
                  <td data-label="Manifest">{data.manifestSha256 ? <Hash value={data.manifestSha256} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </ReportTable>
      )}
    </section>
  );
}
