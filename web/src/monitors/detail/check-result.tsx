import type { CheckResult } from '../../api/types.ts';
import { StateBadge } from '../../components/state-badge.tsx';
import { Time } from '../../components/time.tsx';
import { TimingBreakdown } from './timing-breakdown.tsx';

const humanize = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/\b(Url|Http|Tls|Dns|Tcp|Id)\b/g, (w) => w.toUpperCase());
const show = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** One check's outcome: state, latency, the error if it failed, the timing phases and details. */
export function CheckResultView({ result }: { result: CheckResult }) {
  const details = Object.entries(result.details ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <div className="stack" style={{ gap: '0.75rem' }}>
      <div className="row">
        <StateBadge state={result.outcome} />
        <strong>{result.latencyMs.toFixed(1)} ms</strong>
        {result.at && (
          <span className="muted small">
            <Time value={result.at} />
          </span>
        )}
      </div>
      {(result.errorCode || result.message) && (
        <div className="banner error">
          <div>
            {result.errorCode && <code>{result.errorCode}</code>} {result.message}
          </div>
        </div>
      )}
      <TimingBreakdown timings={result.timings} />
      {details.length > 0 && (
        <dl className="kv">
          {details.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{humanize(k)}</dt>
              <dd className="mono">{show(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
