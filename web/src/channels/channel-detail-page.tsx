import { Link } from 'wouter';
import { useCursorList } from '../api/use-cursor-list.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { LabelList } from '../components/labels.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { humanize } from '../components/schema/schema-fields.ts';
import { useDeleteAndLeave } from '../components/use-delete-and-leave.ts';
import { ReceiptsTable } from './receipts-table.tsx';
import { TestSend } from './test-send.tsx';
import type { Channel, ChannelType, Receipt } from './types.ts';

const shown = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : JSON.stringify(v));

export function ChannelDetailPage({ id }: { id: string }) {
  const deleteAndLeave = useDeleteAndLeave();
  const canWrite = useCan('write');
  const fetched = useFetch<Channel>(`/channels/${id}`);
  const types = useFetch<{ data: ChannelType[] }>('/channel-types');
  const receipts = useCursorList<Receipt>(`/channels/${id}/receipts`, { limit: 25 });
  const channel = fetched.data;

  if (fetched.error) return <LoadFailure error={fetched.error} what="Channel" back={{ href: '/channels', label: 'Back to channels' }} />;
  if (!channel) return <Loading label="Loading channel…" />;

  const info = types.data?.data.find((t) => t.type === channel.type);
  const remove = () => deleteAndLeave({ path: `/channels/${channel.id}`, name: channel.name, back: '/channels' });
  const settings = Object.entries(channel.settings);
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/channels', label: 'Channels' }]} current={channel.name} />
      <PageHeader
        title={
          <span className="detail-head">
            {channel.name}
            <span className="badge plain" data-state={channel.enabled ? 'up' : 'paused'}>
              {channel.enabled ? 'Enabled' : 'Disabled'}
            </span>
          </span>
        }
        documentTitle={channel.name}
        subtitle={info?.label ?? channel.type}
        actions={
          canWrite && (
            <>
              <Link href={`/channels/${channel.id}/edit`} className="btn">
                Edit
              </Link>
              <ConfirmButton title="Delete this channel?" confirmLabel="Delete channel" onConfirm={remove} message={<p>Routes that name it stop sending here. Its receipts stay as the record of what was sent.</p>}>
                Delete
              </ConfirmButton>
            </>
          )
        }
      />
      {channel.missingCredentials.length > 0 && (
        <div className="banner warn" role="status">
          <div>
            <strong>Credentials missing:</strong> {channel.missingCredentials.map(humanize).join(', ')}. Deliveries are skipped (with a receipt) until {canWrite ? <Link href={`/channels/${channel.id}/edit`}>they are set</Link> : 'they are set'}.
          </div>
        </div>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="settings">
          <h2 id="settings">Settings</h2>
          {settings.length === 0 ? (
            <p className="muted">No settings.</p>
          ) : (
            <dl className="kv">
              {settings.map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{humanize(k)}</dt>
                  <dd className="mono">{shown(v)}</dd>
                </div>
              ))}
            </dl>
          )}
          <div style={{ marginTop: '0.75rem' }}>
            <LabelList labels={channel.labels} max={8} />
          </div>
          {channel.template && <p className="small muted" style={{ margin: '0.5rem 0 0' }}>Uses a custom template.</p>}
        </section>
        {canWrite ? <TestSend channel={channel} onSent={receipts.reload} /> : null}
      </div>
      <section className="card" aria-labelledby="receipts">
        <div className="card-header">
          <h2 id="receipts">Last receipts</h2>
          <button type="button" className="btn btn-sm" onClick={receipts.reload}>
            Refresh
          </button>
        </div>
        <ReceiptsTable list={receipts} empty="Nothing sent yet. Send a test, or route alerts here." />
      </section>
    </div>
  );
}
