import { Link } from 'wouter';
import { ApiError } from '../api/client.ts';
import { fieldErrors } from '../api/field-errors.ts';
import { useCursorList } from '../api/use-cursor-list.ts';
import { useLiveReload } from '../api/use-live-reload.ts';
import { Button } from '../components/button.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { LabelList } from '../components/labels.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SeverityBadge } from '../components/severity-badge.tsx';
import { formatDuration, Time, useNow } from '../components/time.tsx';
import { AlertFilterBar, useAlertFilters } from './alert-filters.tsx';
import { AlertStatus } from './alert-status.tsx';
import { splitMatchers } from './matchers.ts';
import { alertTitle, shownLabels, type Alert } from './types.ts';

export function AlertsPage() {
  const [filters, setFilters] = useAlertFilters();
  const now = useNow();
  const list = useCursorList<Alert>('/alerts', {
    status: filters.status === 'all' ? undefined : filters.status,
    severity: filters.severity,
    source: filters.source,
    matcher: splitMatchers(filters.matcher),
    limit: 100,
  });
  useLiveReload(list.reload, { everyMs: 30_000 });
  const matcherError = fieldErrors(list.error)('matcher');
  const badFilter = list.error instanceof ApiError && list.error.issues.length > 0;
  const filtered = filters.status !== 'firing' || filters.severity || filters.source || filters.matcher;

  return (
    <div className="page">
      <PageHeader title="Alerts" subtitle="Every source (monitors, heartbeats, integrations) raises alerts here; routes decide who is notified." />
      <AlertFilterBar filters={filters} onChange={setFilters} matcherError={matcherError} />
      {!badFilter && (
        <ListStates
          what="alerts"
          error={list.error}
          loaded={list.loaded}
          count={list.items.length}
          empty={
            filtered ? (
              <EmptyState title="No alerts match" actions={<Button onClick={() => setFilters({ status: 'firing', severity: '', source: '', matcher: '' })}>Show firing alerts</Button>}>
                Try another status or severity, or loosen the label matchers.
              </EmptyState>
            ) : (
              <EmptyState title="Nothing is firing" actions={<Button onClick={() => setFilters({ status: 'all' })}>Show resolved alerts too</Button>}>
                All quiet. When a monitor goes down, a heartbeat is missed or an integration reports a problem, the alert appears here.
              </EmptyState>
            )
          }
        />
      )}
      {list.items.length > 0 && (
        <DataTable
          label="Alerts"
          columns={['Status', 'Severity', 'Alert', 'Started', 'Duration']}
          footer={<LoadMore list={list} />}
        >
          {list.items.map((a) => (
            <tr key={a.id}>
              <td>
                <AlertStatus alert={a} />
              </td>
              <td>
                <SeverityBadge severity={a.severity} />
              </td>
              <td className="alert-cell">
                <Link href={`/alerts/${a.id}`} className="monitor-name">
                  {alertTitle(a)}
                </Link>
                <span className="monitor-meta">
                  <span className="muted small">{a.labels.alertname ?? a.source}</span>
                  <LabelList labels={shownLabels(a.labels)} max={4} />
                </span>
              </td>
              <td className="nowrap">
                <Time value={a.startsAt} />
              </td>
              <td className="nowrap small">
                {formatDuration((a.endsAt ? Date.parse(a.endsAt) : now) - Date.parse(a.startsAt))}
                {a.fireCount > 1 && <span className="muted"> · fired {a.fireCount}×</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
