import { useMemo } from 'react';
import { useFetch } from '../api/use-fetch.ts';
import { formatDuration } from '../components/time.tsx';
import type { Severity } from './types.ts';

interface SeverityStats {
  severity: Severity;
  count: number;
  acknowledged: number;
  resolved: number;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
  responseMetShare: number | null;
  resolutionMetShare: number | null;
}

const DAY = 86_400_000;
const seconds = (s: number | null) => (s === null ? '—' : formatDuration(s * 1000));
const share = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`);

/** MTTA, MTTR and the share of SLA targets met per severity over the last 30 days. */
export function StatsCard() {
  const range = useMemo(() => {
    const to = Date.now();
    return { from: new Date(to - 30 * DAY).toISOString(), to: new Date(to).toISOString() };
  }, []);
  const fetched = useFetch<{ total: number; bySeverity: SeverityStats[] }>('/incidents/stats', range);
  const rows = (fetched.data?.bySeverity ?? []).filter((r) => r.count > 0);
  if (!fetched.data || rows.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="stats-title">
      <h2 id="stats-title">Last 30 days: {fetched.data.total} incident{fetched.data.total === 1 ? '' : 's'}</h2>
      <div className="table-wrap">
        <table className="table stack-sm">
          <thead>
            <tr>
              <th>Severity</th>
              <th className="num">Incidents</th>
              <th className="num">MTTA</th>
              <th className="num">MTTR</th>
              <th className="num">Response in time</th>
              <th className="num">Resolved in time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.severity}>
                <td>{r.severity}</td>
                <td className="num">{r.count}</td>
                <td className="num">{seconds(r.mttaSeconds)}</td>
                <td className="num">{seconds(r.mttrSeconds)}</td>
                <td className="num">{share(r.responseMetShare)}</td>
                <td className="num">{share(r.resolutionMetShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
