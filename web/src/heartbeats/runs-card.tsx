import { Time, useNow } from '../components/time.tsx';
import { formatRunLength } from './describe-schedule.ts';
import type { Heartbeat } from './types.ts';

const OUTCOME = { success: { state: 'up', label: 'Succeeded' }, fail: { state: 'down', label: 'Failed' }, running: { state: 'pending', label: 'Running' } };

/** Runs paired by /start and the finish (by rid): how long each took, as bars against the longest. */
export function RunsCard({ heartbeat }: { heartbeat: Heartbeat }) {
  const now = useNow();
  const runs = heartbeat.runs.map((r) => ({ ...r, ms: r.durationMs ?? Math.max(0, now - Date.parse(r.startedAt)) }));
  const longest = Math.max(1, ...runs.map((r) => r.ms));
  return (
    <section className="card" aria-labelledby="runs">
      <h2 id="runs">Runs</h2>
      {runs.length === 0 ? (
        <p className="muted">No timed runs yet. Ping <code>/start</code> when the job begins (the wrapper below does) to see how long each run takes.</p>
      ) : (
        <ol className="run-list">
          {runs.map((r) => (
            <li key={`${r.rid}-${r.startedAt}`}>
              <span className="badge plain" data-state={OUTCOME[r.outcome].state}>
                {OUTCOME[r.outcome].label}
              </span>
              <span className="small">
                <Time value={r.startedAt} absolute />
              </span>
              <span className="run-bar" aria-hidden="true">
                <span data-outcome={r.outcome} style={{ width: `${Math.max(2, (r.ms / longest) * 100)}%` }} />
              </span>
              <span className="num small nowrap">{r.outcome === 'running' ? `${formatRunLength(r.ms)} so far` : formatRunLength(r.ms)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
