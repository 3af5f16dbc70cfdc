import { useFetch } from '../api/use-fetch.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ChannelForm } from './channel-form.tsx';
import type { Channel, ChannelType } from './types.ts';

export function NewChannelPage() {
  const types = useFetch<{ data: ChannelType[] }>('/channel-types');
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/channels', label: 'Channels' }]} current="New" />
      <PageHeader title="New channel" subtitle="Where notifications go. Secrets are encrypted at rest and never shown again in full." />
      {types.error && <ErrorBanner error={types.error} />}
      {!types.data && !types.error && <Loading />}
      {types.data && <ChannelForm types={types.data.data} />}
    </div>
  );
}

export function EditChannelPage({ id }: { id: string }) {
  const types = useFetch<{ data: ChannelType[] }>('/channel-types');
  const fetched = useFetch<Channel>(`/channels/${id}`);
  const error = fetched.error ?? types.error;
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/channels', label: 'Channels' }, { href: `/channels/${id}`, label: fetched.data?.name }]} current="Edit" />
      <PageHeader title={fetched.data ? `Edit ${fetched.data.name}` : 'Edit channel'} />
      {error && <ErrorBanner error={error} />}
      {(!fetched.data || !types.data) && !error && <Loading />}
      {fetched.data && types.data && <ChannelForm key={fetched.data.updatedAt} channel={fetched.data} types={types.data.data} />}
    </div>
  );
}
