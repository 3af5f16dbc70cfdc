import { useCallback, useRef } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useLiveEvent } from '../api/live.tsx';
import { useCan } from '../auth/session.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { WindowList } from '../components/window-list.tsx';
import { MonitorFilterBar } from './monitor-filters.tsx';
import { MonitorRow } from './monitor-row.tsx';
import { readStateEvent, type StateEventPayload } from './state-event.ts';
import { useMonitorList, type MonitorFilters } from './use-monitor-list.ts';
import { useUptimeSummaries } from './use-uptime-summaries.ts';

const FILTER_KEYS = ['state', 'type', 'label', 'search'] as const;

function useFilters(): [MonitorFilters, (f: MonitorFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: MonitorFilters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const key = JSON.stringify(filters);
  const stable = useRef(filters);
  if (JSON.stringify(stable.current) !== key) stable.current = filters;
  const set = useCallback(
    (f: MonitorFilters) => setParams(Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>, { replace: true }),
    [setParams],
  );
  return [stable.current, set];
}

export function MonitorsPage() {
  const canWrite = useCan('write');
  const [filters, setFilters] = useFilters();
  const list = useMonitorList(filters);
  const summaries = useUptimeSummaries();
  const count = list.monitors.length;

  const { want, invalidate } = summaries;
  useLiveEvent<StateEventPayload>('monitor.state', (payload) => {
    const update = readStateEvent(payload);
    const known = update && list.monitors.find((m) => m.id === update.monitorId);
    if (known && update.patch.state !== known.state) invalidate(known.id);
  });
  const { monitors, loadMore } = list;
  const onRange = useCallback(
    (first: number, last: number) => {
      want(monitors.slice(first, last + 1).map((m) => m.id));
      if (last >= monitors.length - 20) loadMore();
    },
    [monitors, loadMore, want],
  );

  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="page">
      <PageHeader
        title="Monitors"
        subtitle={count > 0 ? `${count.toLocaleString()}${list.done ? '' : '+'} monitor${count === 1 ? '' : 's'}${filtered ? ' matching the filters' : ''}` : undefined}
        actions={
          canWrite && (
            <Link href="/monitors/new" className="btn btn-primary">
              New monitor
            </Link>
          )
        }
      />
      <MonitorFilterBar filters={filters} onChange={setFilters} />
      {list.error && <ErrorBanner error={list.error} title="The monitors could not be loaded." />}
      {count === 0 && list.loading && <Loading label="Loading monitors…" />}
      {count === 0 && !list.loading && !list.error && (
        <div className="card">
          {filtered ? (
            <EmptyState title="No monitor matches these filters" actions={<button type="button" className="btn" onClick={() => setFilters({})}>Clear filters</button>}>
              Try another state, type or tag, or a shorter search.
            </EmptyState>
          ) : (
            <EmptyState title="No monitors yet" actions={canWrite && <Link href="/monitors/new" className="btn btn-primary">Create your first monitor</Link>}>
              {canWrite
                ? 'A monitor checks a website, API, port, DNS record, certificate or database on a schedule and tells you when it goes down.'
                : 'Nobody has set up a monitor in this organization yet. Ask an admin to add one.'}
            </EmptyState>
          )}
        </div>
      )}
      {count > 0 && (
        <div className="card monitor-table" role="table" aria-label="Monitors" aria-rowcount={list.done ? count + 1 : -1}>
          <div role="row" className="monitor-row monitor-head">
            <span role="columnheader" className="col-state">State</span>
            <span role="columnheader" className="col-name">Name</span>
            <span role="columnheader" className="col-uptime num">24h</span>
            <span role="columnheader" className="col-uptime num">30d</span>
            <span role="columnheader" className="col-spark">Latency 24h</span>
            <span role="columnheader" className="col-checked">Last check</span>
          </div>
          <WindowList items={monitors} getKey={(m) => m.id} estimateSize={58} overscan={12} onRange={onRange} renderRow={(monitor) => <MonitorRow monitor={monitor} summary={summaries.get(monitor.id)} unsupported={summaries.unsupported} />} />
          {list.loading && <Loading label="Loading more…" />}
        </div>
      )}
    </div>
  );
}
