import { Time, useNow } from '../components/time.tsx';
import { ReportTable } from '../compliance/report/report-table.tsx';
import type { Witness } from './types.ts';

const TYPES: Record<Witness['type'], string> = { directory: 'Directory', http: 'HTTP endpoint', rfc3161: 'RFC 3161 timestamp authority' };
const target = (w: Witness) => String(w.settings.path ?? w.settings.url ?? '');
/** As long as the anchor waits before it counts as degraded. */
const STALE_MS = 2 * 86_400_000;

function status(w: Witness, now: number): [state: string, label: string] {
  const s = w.status;
  if (!w.enabled) return ['paused', 'disabled'];
  if (s.lastFailedAt !== null && (s.lastPublishedAt === null || s.lastFailedAt > s.lastPublishedAt)) return ['down', 'failing'];
  if (s.lastPublishedAt === null) return ['pending', 'not yet'];
  return now - Date.parse(s.lastPublishedAt) > STALE_MS ? ['degraded', 'stale'] : ['up', 'publishing'];
}

function Publication({ w }: { w: Witness }) {
  const [state, label] = status(w, useNow());
  const s = w.status;
  return (
    <>
      <span className="badge" data-state={state}>
        {label}
      </span>
      {s.retrying > 0 && <div className="small muted">{s.retrying} waiting for a retry</div>}
    </>
  );
}

/** Where checkpoints are published, and how that went. */
export function WitnessesCard({ witnesses }: { witnesses: Witness[] }) {
  return (
    <section className="card" aria-labelledby="witnesses">
      <h2 id="witnesses">Witnesses</h2>
      {witnesses.length === 0 ? (
        <p className="muted">
          No witness: checkpoints are signed but published nowhere. An admin adds a directory, HTTP or RFC 3161 witness with <code>POST /api/v1/evidence/witnesses</code>.
        </p>
      ) : (
        <ReportTable label="Witnesses" className="" columns={['Witness', 'Status', 'Last success', 'Last failure']}>
          <tbody>
            {witnesses.map((w) => (
              <tr key={w.id}>
                <td>
                  <strong>{w.name}</strong>
                  <div className="small muted">{TYPES[w.type]}</div>
                  <div className="small mono witness-target">{target(w)}</div>
                </td>
                <td>
                  <Publication w={w} />
                </td>
                <td className="nowrap" data-label="Last success">
                  <Time value={w.status.lastPublishedAt} />
                </td>
                <td data-label="Last failure">
                  <Time value={w.status.lastFailedAt} />
                  {w.status.lastError && <div className="small danger-text witness-error">{w.status.lastError}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </ReportTable>
      )}
    </section>
  );
}
