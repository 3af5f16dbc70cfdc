import { Link } from 'wouter';
import { isMissingRoute } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { LabelList } from '../components/labels.tsx';
import { ListStates } from '../components/list-states.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { integrationKind } from './kinds/registry.ts';
import { IntegrationsNotAvailable } from './not-available.tsx';
import type { Integration } from './types.ts';

const newLink = (text: string) => (
  <Link href="/integrations/new" className="btn btn-primary">
    {text}
  </Link>
);

export function IntegrationsPage() {
  const canWrite = useCan('write');
  const fetched = useFetch<Page<Integration>>('/integrations', { limit: 500 });
  const missing = isMissingRoute(fetched.error);
  const items = fetched.data?.data ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Integrations"
        subtitle="Tools that already know when something is wrong (Alertmanager, CI, anything that pages PagerDuty) raise and resolve alerts here through their own secret URL."
        actions={canWrite && !missing && newLink('New integration')}
      />
      {missing ? (
        <IntegrationsNotAvailable />
      ) : (
        <ListStates
          what="integrations"
          error={fetched.error}
          loaded={!!fetched.data}
          count={items.length}
          empty={
            <EmptyState title="No integrations yet" actions={canWrite && newLink('Connect a tool')}>
              {canWrite ? 'Create one per sender; you get a secret URL and a ready snippet to paste into the tool.' : 'An admin connects tools here; their alerts then show up under Alerts.'}
            </EmptyState>
          }
        />
      )}
      {items.length > 0 && (
        <DataTable
          label="Integrations"
          columns={['Name', 'Type', 'Hook token', 'Labels', 'Created']}
        >
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link href={`/integrations/${i.id}`} className="monitor-name">
                  {i.name}
                </Link>
              </td>
              <td>{integrationKind(i.type)?.label ?? i.type}</td>
              <td>
                <code>{i.tokenPrefix}…</code>
              </td>
              <td>
                <LabelList labels={i.labels} />
              </td>
              <td className="nowrap">
                <Time value={i.createdAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
