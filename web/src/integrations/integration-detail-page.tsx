import { useState } from 'react';
import { Link } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { LabelList } from '../components/labels.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { humanize } from '../components/schema/schema-fields.ts';
import { SecretOnce } from '../components/secret-once.tsx';
import { Time } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import { useDeleteAndLeave } from '../components/use-delete-and-leave.ts';
import { DeliveriesCard } from './deliveries-card.tsx';
import { revealedSecrets } from './reveal.ts';
import { IntegrationSetup } from './integration-setup.tsx';
import { integrationKind } from './kinds/registry.ts';
import type { CreatedIntegration, Integration } from './types.ts';

const shown = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : JSON.stringify(v));

export function IntegrationDetailPage({ id }: { id: string }) {
  const client = useClient();
  const toast = useToast();
  const deleteAndLeave = useDeleteAndLeave();
  const canWrite = useCan('write');
  const fetched = useFetch<Integration>(`/integrations/${id}`);
  const [rotated, setRotated] = useState<CreatedIntegration | null>(null);
  const integration = fetched.data;

  if (fetched.error) return <LoadFailure error={fetched.error} what="Integration" back={{ href: '/integrations', label: 'Back to integrations' }} />;
  if (!integration) return <Loading label="Loading integration…" />;

  const rotate = async () => {
    try {
      const next = await client.post<CreatedIntegration>(`/integrations/${id}/rotate-token`);
      setRotated(next);
      fetched.setData(() => next);
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const remove = () => deleteAndLeave({ path: `/integrations/${id}`, name: integration.name, back: '/integrations' });
  const settings = Object.entries(integration.settings);
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/integrations', label: 'Integrations' }]} current={integration.name} />
      <PageHeader
        title={integration.name}
        subtitle={integrationKind(integration.type)?.label ?? integration.type}
        actions={
          canWrite && (
            <>
              <Link href={`/integrations/${id}/edit`} className="btn">
                Edit
              </Link>
              <ConfirmButton variant="secondary" title="Rotate the hook token?" confirmLabel="Rotate token" onConfirm={rotate} message={<p>The current URL stops working at once (deliveries to it answer 404) until the sender uses the new one.</p>}>
                Rotate token
              </ConfirmButton>
              <ConfirmButton title="Delete this integration?" confirmLabel="Delete integration" onConfirm={remove} message={<p>Its URL stops working at once. Its deliveries and the alerts it raised stay.</p>}>
                Delete
              </ConfirmButton>
            </>
          )
        }
      />
      {rotated && <SecretOnce title="New hook URL" secrets={revealedSecrets(rotated)} onDone={() => setRotated(null)} />}
      <div className="grid-2">
        <IntegrationSetup integration={integration} created={rotated} />
        <section className="card" aria-labelledby="integration-settings">
          <h2 id="integration-settings">Settings</h2>
          <dl className="kv">
            <dt>Hook token</dt>
            <dd className="mono">{integration.tokenPrefix}…</dd>
            {settings.map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{humanize(k)}</dt>
                <dd className="mono">{shown(v)}</dd>
              </div>
            ))}
            <dt>Created</dt>
            <dd>
              <Time value={integration.createdAt} absolute />
            </dd>
          </dl>
          <div style={{ marginTop: '0.75rem' }}>
            <LabelList labels={integration.labels} max={8} />
          </div>
        </section>
      </div>
      <DeliveriesCard integrationId={id} />
    </div>
  );
}
