import type { Page } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { CheckResultView } from './check-result.tsx';
import { HistoryCard } from './history-card.tsx';
import type { StoredResult } from './history-types.ts';

export function LastResultCard({ monitorId, refreshKey }: { monitorId: string; refreshKey: number }) {
  const fetched = useFetch<Page<StoredResult>>(`/monitors/${monitorId}/results`, { limit: 1 }, { refreshKey });
  return (
    <HistoryCard title="Last check" fetched={fetched}>
      {(page) => (page.data[0] ? <CheckResultView result={page.data[0]} /> : <p className="muted">Not checked yet. The first check runs within one interval of creating the monitor.</p>)}
    </HistoryCard>
  );
}
