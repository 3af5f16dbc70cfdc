import { useState } from 'react';
import { Link } from 'wouter';
import { useCursorList } from '../api/use-cursor-list.ts';
import { useLiveReload } from '../api/use-live-reload.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { formatDuration, Time, useNow } from '../components/time.tsx';
import { useMembers } from '../oncall/use-members.ts';
import { DeclareDialog } from './declare-dialog.tsx';
import { IncidentStatusBadge, PriorityBadge } from './incident-badges.tsx';
import { IncidentFilterBar, incidentQuery, useIncidentFilters } from './incident-filters.tsx';
import { CLOCK_STATE, currentClock } from './sla.ts';
import { StatsCard } from './stats-card.tsx';
import type { Incident } from './types.ts';

function SlaCell({ incident, now }: { incident: Incident; now: number }) {
  const clock = currentClock(incident, now);
  if (!clock) {
    const took = incident.mttrSeconds;
    return <span className="small muted">{took !== null ? `resolved in ${formatDuration(took * 1000)}` : '—'}</span>;
  }
  return (
    <span className="sla-cell">
      <span className="badge plain" data-state={CLOCK_STATE[clock.view.state]}>
        {clock.view.text}
      </span>
      <span className="small muted">{clock.name}</span>
    </span>
  );
}

export function IncidentsPage() {
  const [filters, setFilters] = useIncidentFilters();
  const canRespond = useCan('respond');
  const now = useNow();
  const members = useMembers();
  const list = useCursorList<Incident>('/incidents', incidentQuery(filters));
  useLiveReload(list.reload, { everyMs: 15_000 });
  const [declaring, setDeclaring] = useState(false);
  const filtered = filters.status !== 'open' || filters.severity;
  return (
    <div className="page">
      <PageHeader
        title="Incidents"
        subtitle="Opened from alerts by the routes, or declared by hand. Each runs on the severity policy's response and resolution clocks."
        actions={
          <>
            <Link href="/incidents/severity-policy" className="btn">
              Severity policy
            </Link>
            {canRespond && (
              <Button variant="primary" onClick={() => setDeclaring(true)}>
                Declare incident
              </Button>
            )}
          </>
        }
      />
      <IncidentFilterBar filters={filters} onChange={setFilters} />
      <ListStates
        what="incidents"
        error={list.error}
        loaded={list.loaded}
        count={list.items.length}
        empty={
          filtered ? (
            <EmptyState title="No incidents match" actions={<Button onClick={() => setFilters({ status: 'open', severity: '' })}>Show open incidents</Button>}>
              Try another status or severity.
            </EmptyState>
          ) : (
            <EmptyState title="No open incidents" actions={<Button onClick={() => setFilters({ status: 'all' })}>Show past incidents</Button>}>
              All quiet. Alerts routed with an escalation policy open incidents here.
            </EmptyState>
          )
        }
      />
      {list.items.length > 0 && (
        <DataTable
          label="Incidents"
          columns={['Severity', 'Status', 'Incident', 'SLA', 'Triggered', 'Assignees']}
          footer={<LoadMore list={list} />}
        >
          {list.items.map((i) => (
            <tr key={i.id}>
              <td>
                <PriorityBadge severity={i.severity} />
              </td>
              <td>
                <IncidentStatusBadge status={i.status} />
              </td>
              <td className="alert-cell">
                <Link href={`/incidents/${i.id}`} className="monitor-name">
                  {i.title}
                </Link>
                {i.possibleBreach && <span className="tag danger-tag">possible data breach</span>}
              </td>
              <td>
                <SlaCell incident={i} now={now} />
              </td>
              <td className="nowrap">
                <Time value={i.triggeredAt} />
              </td>
              <td className="small">{i.assignees.map(members.nameOf).join(', ') || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <StatsCard />
      {declaring && <DeclareDialog onClose={() => setDeclaring(false)} />}
    </div>
  );
}
