import { Link } from 'wouter';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ChannelRow } from './channel-row.tsx';
import { NotificationSettingsCard } from './notification-settings-card.tsx';
import type { ChannelType, NotificationSettings } from './types.ts';
import { useChannels } from './use-channels.ts';

const newLink = (text: string) => (
  <Link href="/channels/new" className="btn btn-primary">
    {text}
  </Link>
);

export function ChannelsPage() {
  const canWrite = useCan('write');
  const { channels, loaded, error } = useChannels();
  const types = useFetch<{ data: ChannelType[] }>('/channel-types');
  const settings = useFetch<NotificationSettings>('/notification-settings');
  const label = (type: string) => types.data?.data.find((t) => t.type === type)?.label ?? type;
  return (
    <div className="page">
      <PageHeader title="Channels" subtitle="Where notifications go: Slack, PagerDuty, email, SMS, webhooks and more. Every attempt leaves a receipt." actions={canWrite && newLink('New channel')} />
      {error && <ErrorBanner error={error} title="The channels could not be loaded." />}
      {!loaded && !error && <Loading label="Loading channels…" />}
      {loaded && channels.length === 0 && (
        <div className="card">
          <EmptyState title="No channels yet" actions={canWrite && newLink('Add a channel')}>
            {canWrite ? 'Add one, send a test, then name it as a receiver in the routes so alerts reach people.' : 'An admin adds channels; until then alerts are recorded but nobody is notified.'}
          </EmptyState>
        </div>
      )}
      {channels.length > 0 && (
        <div className="card table-wrap">
          <table className="table stack-sm" aria-label="Channels">
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>Status</th>
                <th>Last receipt</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <ChannelRow key={c.id} channel={c} typeLabel={label(c.type)} isFallback={settings.data?.fallbackChannelId === c.id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded && <NotificationSettingsCard fetched={settings} channels={channels} />}
    </div>
  );
}
