import { useState } from 'react';
import { useFetch } from '../../api/use-fetch.ts';
import { Segmented } from '../../components/segmented.tsx';
import { HistoryCard } from './history-card.tsx';
import type { LatencySeries } from './history-types.ts';
import { LatencyChart } from './latency-chart.tsx';

/** The start of a range ending now, rounded to the minute so re-renders do not refetch. */
export const minutesAgo = (ms: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - ms).toISOString();

type Range = '1h' | '24h' | '7d' | '30d';
const RANGES: Array<{ value: Range; label: string; ms: number; step?: string }> = [
  { value: '1h', label: '1h', ms: 3_600_000, step: '60' },
  { value: '24h', label: '24h', ms: 86_400_000, step: '10m' },
  { value: '7d', label: '7d', ms: 7 * 86_400_000, step: '1h' },
  { value: '30d', label: '30d', ms: 30 * 86_400_000, step: '6h' },
];

export function LatencyCard({ monitorId, createdAt, refreshKey }: { monitorId: string; createdAt: string; refreshKey: number }) {
  // A monitor younger than a few hours has nothing to show over a day yet.
  const [range, setRange] = useState<Range>(() => (Date.now() - Date.parse(createdAt) < 3 * 3_600_000 ? '1h' : '24h'));
  const spec = RANGES.find((r) => r.value === range)!;
  const fetched = useFetch<LatencySeries>(`/monitors/${monitorId}/latency`, { from: minutesAgo(spec.ms), step: spec.step }, { refreshKey });
  return (
    <HistoryCard title="Response time" fetched={fetched} actions={<Segmented label="Time range" value={range} onChange={setRange} options={RANGES} />}>
      {(series) =>
        series.points.some((p) => p.count > 0) ? <LatencyChart points={series.points} /> : <p className="muted">No checks in this range yet. Results appear here after the first checks run.</p>
      }
    </HistoryCard>
  );
}
