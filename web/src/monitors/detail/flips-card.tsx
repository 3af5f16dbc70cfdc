import type { Page } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDuration, Time } from '../../components/time.tsx';
import { HistoryCard } from './history-card.tsx';
import type { Flip } from './history-types.ts';

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** A state change's reason in words: the failing check's error, or what changed it. */
export function describeReason(reason: Record<string, unknown> | null | undefined): string {
  if (!reason) return '';
  const failure = [text(reason.errorCode), text(reason.message)].filter(Boolean).join(' — ');
  if (failure) return failure;
  if (reason.cause === 'check') {
    const latency = typeof reason.latencyMs === 'number' ? ` in ${Math.round(reason.latencyMs)} ms` : '';
    return reason.outcome === 'up' ? `check succeeded${latency}` : `check ${text(reason.outcome) ?? 'ran'}${latency}`;
  }
  const words = [text(reason.cause)?.replaceAll('_', ' '), text(reason.detail), reason.by ? `by ${String(reason.by)}` : undefined].filter(Boolean).join(' ');
  return words || JSON.stringify(reason);
}

export function FlipsCard({ monitorId, refreshKey }: { monitorId: string; refreshKey: number }) {
  const fetched = useFetch<Page<Flip>>(`/monitors/${monitorId}/flips`, { limit: 50 }, { refreshKey });
  return (
    <HistoryCard title="State changes" fetched={fetched}>
      {(page) =>
        page.data.length === 0 ? (
          <p className="muted">No state changes yet. Each change is listed here with the check that caused it.</p>
        ) : (
          <ol className="flip-list">
            {page.data.map((f, i) => {
              const next = page.data[i - 1];
              return (
                <li key={f.id}>
                  <span className="row" style={{ gap: '0.35rem' }}>
                    <StateBadge state={f.from} />
                    <span aria-label="to">→</span>
                    <StateBadge state={f.to} />
                  </span>
                  <span className="small">
                    <Time value={f.at} />
                    {next && <span className="muted"> · lasted {formatDuration(Date.parse(next.at) - Date.parse(f.at))}</span>}
                  </span>
                  {f.reason && <span className="small muted reason">{describeReason(f.reason)}</span>}
                </li>
              );
            })}
          </ol>
        )
      }
    </HistoryCard>
  );
}
