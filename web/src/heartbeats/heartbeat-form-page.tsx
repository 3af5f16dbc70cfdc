import type { Monitor } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { HeartbeatForm } from './heartbeat-form.tsx';

export function NewHeartbeatPage() {
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/heartbeats', label: 'Heartbeats' }]} current="New" />
      <PageHeader title="New heartbeat" subtitle="Say how often the job runs; after saving you get its ping URL and a ready crontab line." />
      <HeartbeatForm />
    </div>
  );
}

export function EditHeartbeatPage({ id }: { id: string }) {
  const fetched = useFetch<Monitor>(`/monitors/${id}`);
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/heartbeats', label: 'Heartbeats' }, { href: `/heartbeats/${id}`, label: fetched.data?.name }]} current="Edit" />
      <PageHeader title={fetched.data ? `Edit ${fetched.data.name}` : 'Edit heartbeat'} />
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {!fetched.data && !fetched.error && <Loading />}
      {fetched.data && <HeartbeatForm key={fetched.data.updatedAt} monitor={fetched.data} />}
    </div>
  );
}
