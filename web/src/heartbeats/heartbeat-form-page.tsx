import { Link } from 'wouter';
import type { Monitor } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { HeartbeatForm } from './heartbeat-form.tsx';

export function NewHeartbeatPage() {
  return (
    <div className="page narrow">
      <nav className="small" aria-label="Breadcrumb">
        <Link href="/heartbeats">Heartbeats</Link> / <span className="muted">New</span>
      </nav>
      <PageHeader title="New heartbeat" subtitle="Say how often the job runs; after saving you get its ping URL and a ready crontab line." />
      <HeartbeatForm />
    </div>
  );
}

export function EditHeartbeatPage({ id }: { id: string }) {
  const fetched = useFetch<Monitor>(`/monitors/${id}`);
  return (
    <div className="page narrow">
      <nav className="small" aria-label="Breadcrumb">
        <Link href="/heartbeats">Heartbeats</Link> / {fetched.data ? <Link href={`/heartbeats/${id}`}>{fetched.data.name}</Link> : '…'} / <span className="muted">Edit</span>
      </nav>
      <PageHeader title={fetched.data ? `Edit ${fetched.data.name}` : 'Edit heartbeat'} />
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {!fetched.data && !fetched.error && <Loading />}
      {fetched.data && <HeartbeatForm key={fetched.data.updatedAt} monitor={fetched.data} />}
    </div>
  );
}
