import type { Page } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { formatDuration, Time } from '../../components/time.tsx';
import { HistoryCard } from './history-card.tsx';
import type { CoverageGap } from './history-types.ts';

const CAUSES: Record<string, string> = {
  process_down: 'Custos was not running',
  overload: 'Custos was overloaded',
  internal_error: 'Internal error in Custos',
};

export function GapsCard({ monitorId, refreshKey }: { monitorId: string; refreshKey: number }) {
  const fetched = useFetch<Page<CoverageGap>>(`/monitors/${monitorId}/gaps`, { limit: 20 }, { refreshKey });
  return (
    <HistoryCard title="Coverage gaps" fetched={fetched}>
      {(page) =>
        page.data.length === 0 ? (
          <p className="muted">No gaps: every expected check ran.</p>
        ) : (
          <ul className="event-list">
            {page.data.map((g) => (
              <li key={g.id}>
                <span>
                  <strong>{CAUSES[g.cause] ?? g.cause}</strong>
                  <span className="muted">
                    {' '}
                    · {formatDuration(g.durationMs)}, {g.missedChecks} missed check{g.missedChecks === 1 ? '' : 's'}
                  </span>
                </span>
                <span className="small">
                  <Time value={g.from} absolute />
                </span>
                {g.detail && <span className="small muted">{g.detail}</span>}
              </li>
            ))}
          </ul>
        )
      }
    </HistoryCard>
  );
}
