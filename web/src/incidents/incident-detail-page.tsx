import { useState } from 'react';
import { Link } from 'wouter';
import { useFetch } from '../api/use-fetch.ts';
import { useLiveReload } from '../api/use-live-reload.ts';
import { LabelList } from '../components/labels.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { formatDuration, Time } from '../components/time.tsx';
import { shownLabels } from '../alerts/types.ts';
import { AlertsCard } from './alerts-card.tsx';
import { IncidentActions } from './incident-actions.tsx';
import { IncidentStatusBadge, PriorityBadge } from './incident-badges.tsx';
import { ReviewCard } from './review-card.tsx';
import { RunbooksCard } from './runbooks-card.tsx';
import { SlaCard } from './sla-card.tsx';
import { StatusPageCard } from './status-page-card.tsx';
import { TimelineCard } from './timeline-card.tsx';
import { TriageCard } from './triage-card.tsx';
import type { IncidentDetail } from './types.ts';

export function IncidentDetailPage({ id }: { id: string }) {
  const fetched = useFetch<IncidentDetail>(`/incidents/${id}`);
  const [version, setVersion] = useState(0);
  const reload = () => {
    fetched.reload();
    setVersion((v) => v + 1);
  };
  useLiveReload(reload, { everyMs: 10_000 });
  const incident = fetched.data;
  if (fetched.error && !incident) return <LoadFailure error={fetched.error} what="Incident" back={{ href: '/incidents', label: 'Back to incidents' }} note="It may have been deleted, or belong to another organization." />;
  if (!incident) return <Loading label="Loading incident…" />;
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/incidents', label: 'Incidents' }]} current={incident.title} />
      <PageHeader
        title={incident.title}
        subtitle={
          <span className="row" style={{ gap: '0.4rem' }}>
            <PriorityBadge severity={incident.severity} /> <IncidentStatusBadge status={incident.status} />
            {incident.possibleBreach && <span className="tag danger-tag">possible data breach</span>}
            <LabelList labels={shownLabels(incident.labels)} max={4} />
          </span>
        }
        actions={<IncidentActions incident={incident} onChange={reload} />}
      />
      <div className="detail-summary">
        <span>
          triggered <Time value={incident.triggeredAt} absolute />
        </span>
        {incident.acknowledgedAt && (
          <span>
            acknowledged by <strong>{incident.acknowledgedBy}</strong> after <strong>{formatDuration((incident.mttaSeconds ?? 0) * 1000)}</strong>
          </span>
        )}
        {incident.resolvedAt && (
          <span>
            resolved after <strong>{formatDuration((incident.mttrSeconds ?? 0) * 1000)}</strong>
          </span>
        )}
        {incident.escalationPolicyId && (
          <span>
            paged through <Link href={`/escalation-policies/${incident.escalationPolicyId}`}>its escalation policy</Link>
          </span>
        )}
        {incident.closedAt && (
          <span>
            closed <Time value={incident.closedAt} />
          </span>
        )}
      </div>
      {incident.description && <p className="pre-line">{incident.description}</p>}
      {incident.status === 'resolved' && incident.reviewRequired && !incident.reviewDoneAt && (
        <div className="banner warn" role="status">
          <span>
            A {incident.severity} incident closes once its post-incident review is filed. <Link href={`/incidents/${incident.id}/review`}>Write it now</Link>
          </span>
        </div>
      )}
      <SlaCard incident={incident} onChange={reload} />
      <div className="incident-layout">
        <TimelineCard incidentId={id} closed={incident.status === 'closed'} refreshKey={`${version}:${incident.updatedAt}`} onChange={reload} />
        <div className="stack">
          <ReviewCard incident={incident} />
          <TriageCard key={incident.updatedAt} incident={incident} onChange={reload} />
          <RunbooksCard incident={incident} />
          <AlertsCard incident={incident} />
          <StatusPageCard incident={incident} onChange={reload} />
        </div>
      </div>
    </div>
  );
}
