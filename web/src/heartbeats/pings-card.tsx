import { useState } from 'react';
import { Time } from '../components/time.tsx';
import { formatRunLength } from './describe-schedule.ts';
import { PingKind } from './ping-kind.tsx';
import type { Heartbeat, HeartbeatPing } from './types.ts';

function Body({ ping, limit }: { ping: HeartbeatPing; limit: number }) {
  return (
    <div className="ping-body">
      {ping.truncated && (
        <p className="small banner warn" style={{ margin: '0 0 0.4rem' }}>
          Truncated: the first {limit.toLocaleString()} of {ping.bodyBytes.toLocaleString()} bytes are kept.
        </p>
      )}
      <pre tabIndex={0} aria-label="Ping body">
        {ping.body}
      </pre>
    </div>
  );
}

export function PingsCard({ heartbeat }: { heartbeat: Heartbeat }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const pings = heartbeat.lastPings;
  return (
    <section className="card" aria-labelledby="last-pings">
      <div className="card-header">
        <h2 id="last-pings">Last pings</h2>
        <span className="muted small">{pings.length ? `newest first, ${pings.length} shown` : ''}</span>
      </div>
      {pings.length === 0 ? (
        <p className="muted">No pings yet. Add the ping URL to the job (below), or try it now with curl; the first ping starts the schedule.</p>
      ) : (
        <div className="table-wrap">
          <table className="table stack-sm">
            <thead>
              <tr>
                <th>Time</th>
                <th>Kind</th>
                <th>Run</th>
                <th>From</th>
                <th>Body</th>
              </tr>
            </thead>
            <tbody>
              {pings.map((p) => (
                <tr key={p.id}>
                  <td className="nowrap">
                    <Time value={p.at} absolute />
                  </td>
                  <td>
                    <PingKind ping={p} />
                  </td>
                  <td className="small nowrap">{p.durationMs !== null ? `took ${formatRunLength(p.durationMs)}` : p.rid ? <span className="muted mono" title={p.rid}>{p.rid.slice(0, 8)}</span> : <span className="muted">—</span>}</td>
                  <td className="small">
                    {p.method} {p.source === 'uuid' ? '' : `(${p.source})`}
                    {p.remoteAddr && <div className="muted">{p.remoteAddr}</div>}
                  </td>
                  <td className="ping-body-cell">
                    {p.body ? (
                      <>
                        <button type="button" className="btn-link small" aria-expanded={open.has(p.id)} onClick={() => toggle(p.id)}>
                          {open.has(p.id) ? 'Hide' : 'Show'} {p.bodyBytes.toLocaleString()} bytes{p.truncated ? ' (truncated)' : ''}
                        </button>
                        {open.has(p.id) && <Body ping={p} limit={heartbeat.bodyLimit} />}
                      </>
                    ) : (
                      <span className="muted small">empty</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
