import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { isMissingRoute } from '../api/client.ts';
import { useFetch } from '../api/use-fetch.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SecretOnce } from '../components/secret-once.tsx';
import { useToast } from '../components/toasts.tsx';
import { IntegrationForm } from './integration-form.tsx';
import { IntegrationSetup } from './integration-setup.tsx';
import { IntegrationsNotAvailable } from './not-available.tsx';
import { revealedSecrets } from './reveal.ts';
import type { CreatedIntegration, Integration } from './types.ts';
import { useIntegrationTypes } from './use-integration-types.ts';

export function NewIntegrationPage() {
  const [, navigate] = useLocation();
  const { types, error } = useIntegrationTypes();
  const [created, setCreated] = useState<CreatedIntegration | null>(null);
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/integrations', label: 'Integrations' }]} current="New" />
      <PageHeader title={created ? `${created.name} created` : 'New integration'} subtitle={created ? 'Paste the snippet into the sender, then watch the deliveries arrive.' : 'Pick the tool that sends; it gets its own secret URL.'} />
      {error && (isMissingRoute(error) ? <IntegrationsNotAvailable /> : <ErrorBanner error={error} />)}
      {types === undefined && !error && <Loading />}
      {types !== undefined && !created && <IntegrationForm types={types} cancelHref="/integrations" onSaved={(saved) => setCreated(saved as CreatedIntegration)} />}
      {created && (
        <>
          <SecretOnce title="Your hook URL" secrets={revealedSecrets(created)} onDone={() => navigate(`/integrations/${created.id}`)} />
          <IntegrationSetup integration={created} created={created} />
          <div className="form-actions">
            <Link href={`/integrations/${created.id}`} className="btn">
              Open the integration
            </Link>
          </div>
        </>
      )}
    </div>
  );
}

export function EditIntegrationPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const toast = useToast();
  const { types, error: typesError } = useIntegrationTypes();
  const fetched = useFetch<Integration>(`/integrations/${id}`);
  const error = fetched.error ?? typesError;
  return (
    <div className="page narrow">
      <Breadcrumb trail={[{ href: '/integrations', label: 'Integrations' }, { href: `/integrations/${id}`, label: fetched.data?.name }]} current="Edit" />
      <PageHeader title={fetched.data ? `Edit ${fetched.data.name}` : 'Edit integration'} />
      {error && <ErrorBanner error={error} />}
      {(!fetched.data || types === undefined) && !error && <Loading />}
      {fetched.data && types !== undefined && (
        <IntegrationForm
          key={fetched.data.updatedAt}
          integration={fetched.data}
          types={types}
          cancelHref={`/integrations/${id}`}
          onSaved={() => {
            toast.info('Integration saved');
            navigate(`/integrations/${id}`);
          }}
        />
      )}
    </div>
  );
}
