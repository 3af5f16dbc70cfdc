const PHASES: Array<{ key: string; label: string; color: string }> = [
  { key: 'dnsMs', label: 'DNS', color: '#7c3aed' },
  { key: 'connectMs', label: 'Connect', color: '#0891b2' },
  { key: 'tlsMs', label: 'TLS', color: '#c2410c' },
  { key: 'firstByteMs', label: 'First byte', color: '#1d4ed8' },
];

/** The phases of one check as a stacked bar, with the rest of the total shown as transfer. */
export function TimingBreakdown({ timings }: { timings: Record<string, number> | null | undefined }) {
  if (!timings) return <p className="muted">This check reported no timing breakdown.</p>;
  const total = timings.totalMs ?? Object.values(timings).reduce((a, b) => a + b, 0);
  const phases = PHASES.filter((p) => typeof timings[p.key] === 'number').map((p) => ({ ...p, ms: timings[p.key] }));
  const known = phases.reduce((a, p) => a + p.ms, 0);
  if (total > known + 0.5) phases.push({ key: 'rest', label: 'Transfer', color: '#64748b', ms: total - known });
  const width = (ms: number) => `${Math.max(total > 0 ? (ms / total) * 100 : 0, 0.8)}%`;
  return (
    <div className="timing">
      <div className="timing-bar" role="img" aria-label={phases.map((p) => `${p.label} ${p.ms.toFixed(1)} ms`).join(', ')}>
        {phases.map((p) => (
          <span key={p.key} style={{ width: width(p.ms), background: p.color }} title={`${p.label}: ${p.ms.toFixed(1)} ms`} />
        ))}
      </div>
      <dl className="timing-legend">
        {phases.map((p) => (
          <div key={p.key}>
            <dt>
              <i style={{ background: p.color }} />
              {p.label}
            </dt>
            <dd>{p.ms.toFixed(1)} ms</dd>
          </div>
        ))}
        <div>
          <dt>Total</dt>
          <dd>
            <strong>{total.toFixed(1)} ms</strong>
          </dd>
        </div>
      </dl>
    </div>
  );
}
