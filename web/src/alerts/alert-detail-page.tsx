import { Link } from 'wouter';
import { useCursorList } from '../api/use-cursor-list.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useLiveReload } from '../api/use-live-reload.ts';
import { ReceiptsTable } from '../channels/receipts-table.tsx';
import type { Receipt } from '../channels/types.ts';
import { useChannels } from '../channels/use-channels.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SeverityBadge } from '../components/severity-badge.tsx';
import { formatDuration, Time } from '../components/time.tsx';
import { AlertActions } from './alert-actions.tsx';
import { AlertStatus } from './alert-status.tsx';
import { AlertTimeline } from './alert-timeline.tsx';
import { KeyValues } from './key-values.tsx';
import { alertTitle, type AlertDetail } from './types.ts';

function Muted({ alert }: { alert: AlertDetail }) {
  if (alert.status !== 'firing' || (!alert.silencedBy.length && !alert.inhibitedBy.length && !alert.suppressed)) return null;
  return (
    <div className="banner info" role="status">
      <div>
        <strong>Notifications are held back.</strong>
        {alert.suppressed && <span> The source is in {alert.suppressed}.</span>}
        {alert.silencedBy.map((id) => (
          <span key={id}>
            {' '}
            Silenced by <Link href={`/silences?highlight=${id}`}>a silence</Link>.
          </span>
        ))}
        {alert.inhibitedBy.map((id) => (
          <span key={id}>
            {' '}
            Inhibited by <Link href={`/alerts/${id}`}>a firing alert</Link>.
          </span>
        ))}
      </div>
    </div>
  );
}

export function AlertDetailPage({ id }: { id: string }) {
  const fetched = useFetch<AlertDetail>(`/alerts/${id}`);
  const receipts = useCursorList<Receipt>('/receipts', { alertId: id, limit: 20 });
  const { nameOf } = useChannels();
  const reload = () => {
    fetched.reload();
    receipts.reload();
  };
  useLiveReload(reload, { everyMs: 20_000 });
  const alert = fetched.data;

  if (fetched.error) return <LoadFailure error={fetched.error} what="Alert" back={{ href: '/alerts', label: 'Back to alerts' }} note="It may belong to another organization." />;
  if (!alert) return <Loading label="Loading alert…" />;

  const lasted = (alert.endsAt ? Date.parse(alert.endsAt) : Date.now()) - Date.parse(alert.startsAt);
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/alerts', label: 'Alerts' }]} current={alert.labels.alertname ?? alert.dedupKey} />
      <PageHeader
        title={alertTitle(alert)}
        subtitle={
          <span className="row" style={{ gap: '0.4rem' }}>
            <AlertStatus alert={alert} /> <SeverityBadge severity={alert.severity} /> <span className="small">from {alert.source}</span> <code className="small">{alert.dedupKey}</code>
          </span>
        }
        actions={<AlertActions alert={alert} onChange={reload} />}
      />
      <div className="detail-summary">
        <span>
          started <Time value={alert.startsAt} absolute />
        </span>
        <span>
          {alert.endsAt ? 'lasted' : 'firing for'} <strong>{formatDuration(lasted)}</strong>
        </span>
        <span>
          last seen <Time value={alert.lastSeenAt} />
        </span>
        {alert.acknowledgedAt && (
          <span>
            acknowledged by <strong>{alert.acknowledgedBy}</strong> <Time value={alert.acknowledgedAt} />
          </span>
        )}
        {alert.fireCount > 1 && <span>fired {alert.fireCount} times</span>}
        {alert.generatorUrl && (
          <a href={alert.generatorUrl} target="_blank" rel="noreferrer noopener">
            Source
          </a>
        )}
        {alert.labels.monitor_id && <Link href={`/${alert.labels.monitor_type === 'heartbeat' ? 'heartbeats' : 'monitors'}/${alert.labels.monitor_id}`}>Open the monitor</Link>}
      </div>
      <Muted alert={alert} />
      <div className="grid-2">
        <section className="card" aria-labelledby="annotations">
          <h2 id="annotations">Annotations</h2>
          <KeyValues values={alert.annotations} empty="No summary, description or runbook." />
        </section>
        <section className="card" aria-labelledby="labels">
          <h2 id="labels">Labels</h2>
          <KeyValues values={alert.labels} empty="No labels." />
        </section>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="timeline">
          <h2 id="timeline">Timeline</h2>
          <AlertTimeline events={alert.events} />
        </section>
        <section className="card" aria-labelledby="groups">
          <h2 id="groups">Routing groups</h2>
          {alert.groups.length === 0 ? (
            <p className="muted">Not in a notification group (yet): groups form when the alert is routed.</p>
          ) : (
            <ul className="event-list">
              {alert.groups.map((g) => (
                <li key={g.groupKey}>
                  <code>{g.groupKey}</code>
                  <span className="small">
                    route <strong>{g.routePath || 'root'}</strong> · {g.receivers.length ? g.receivers.map(nameOf).join(', ') : <span className="muted">no receivers</span>}
                  </span>
                  <span className="small muted">{g.notifiedStatus ? `last notified as ${g.notifiedStatus}` : 'not notified yet'}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="small muted" style={{ margin: '0.5rem 0 0' }}>
            <Link href="/routes">Routes</Link> decide the groups and receivers.
          </p>
        </section>
      </div>
      <section className="card" aria-labelledby="notifications">
        <h2 id="notifications">Notifications</h2>
        <ReceiptsTable list={receipts} channelName={nameOf} empty="No notification was sent for this alert yet." />
      </section>
    </div>
  );
}
