import { Link } from 'wouter';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
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
      <ListStates
        what="channels"
        error={error}
        loaded={loaded}
        count={channels.length}
        empty={
          <EmptyState title="No channels yet" actions={canWrite && newLink('Add a channel')}>
            {canWrite ? 'Add one, send a test, then name it as a receiver in the routes so alerts reach people.' : 'An admin adds channels; until then alerts are recorded but nobody is notified.'}
          </EmptyState>
        }
      />
      {channels.length > 0 && (
        <DataTable
          label="Channels"
          columns={['Name', 'Type', 'Status', 'Last receipt']}
        >
          {channels.map((c) => (
            <ChannelRow key={c.id} channel={c} typeLabel={label(c.type)} isFallback={settings.data?.fallbackChannelId === c.id} />
          ))}
        </DataTable>
      )}
      {loaded && <NotificationSettingsCard fetched={settings} channels={channels} />}
    </div>
  );
}
