import { Redirect } from 'wouter';
import type { Monitor } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { MonitorForm } from './monitor-form.tsx';

export function NewMonitorPage() {
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/monitors', label: 'Monitors' }]} current="New" />
      <PageHeader title="New monitor" subtitle="Use Test to run the check once before you save it." />
      <MonitorForm />
    </div>
  );
}

export function EditMonitorPage({ id }: { id: string }) {
  const fetched = useFetch<Monitor>(`/monitors/${id}`);
  if (fetched.data?.type === 'heartbeat') return <Redirect to={`/heartbeats/${id}/edit`} replace />;
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/monitors', label: 'Monitors' }, { href: `/monitors/${id}`, label: fetched.data?.name }]} current="Edit" />
      <PageHeader title={fetched.data ? `Edit ${fetched.data.name}` : 'Edit monitor'} />
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {!fetched.data && !fetched.error && <Loading />}
      {fetched.data && <MonitorForm key={fetched.data.updatedAt} monitor={fetched.data} />}
    </div>
  );
}
