import { Link, Redirect } from 'wouter';
import type { Monitor } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { MonitorForm } from './monitor-form.tsx';

export function NewMonitorPage() {
  return (
    <div className="page narrow">
      <nav className="small" aria-label="Breadcrumb">
        <Link href="/monitors">Monitors</Link> / <span className="muted">New</span>
      </nav>
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
      <nav className="small" aria-label="Breadcrumb">
        <Link href="/monitors">Monitors</Link> / {fetched.data ? <Link href={`/monitors/${id}`}>{fetched.data.name}</Link> : '…'} / <span className="muted">Edit</span>
      </nav>
      <PageHeader title={fetched.data ? `Edit ${fetched.data.name}` : 'Edit monitor'} />
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {!fetched.data && !fetched.error && <Loading />}
      {fetched.data && <MonitorForm key={fetched.data.updatedAt} monitor={fetched.data} />}
    </div>
  );
}
