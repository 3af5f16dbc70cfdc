import { Link } from 'wouter';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ListStates } from '../components/list-states.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PolicySteps } from './policy-steps.tsx';
import { useTargets } from './use-targets.ts';
import type { EscalationPolicy } from './types.ts';

const newLink = (text: string) => (
  <Link href="/escalation-policies/new" className="btn btn-primary">
    {text}
  </Link>
);

export function PoliciesPage() {
  const canWrite = useCan('write');
  const fetched = useFetch<Page<EscalationPolicy>>('/escalation-policies');
  const targets = useTargets();
  const policies = fetched.data?.data ?? [];
  return (
    <div className="page">
      <PageHeader title="Escalation policies" subtitle="Who is paged, in what order, until someone acknowledges. A route names a policy with escalation_policy." actions={canWrite && newLink('New policy')} />
      <ListStates
        what="policies"
        error={fetched.error}
        loaded={!!fetched.data}
        count={policies.length}
        empty={
          <EmptyState title="No escalation policies yet" actions={canWrite && newLink('Create a policy')}>
            For example: the on-call schedule at once, the secondary after 30 minutes, the engineering lead after 45.
          </EmptyState>
        }
      />
      {policies.length > 0 && (
        <DataTable
          label="Escalation policies"
          columns={['Policy', 'Steps', 'Id (for routes)']}
        >
          {policies.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/escalation-policies/${p.id}`} className="monitor-name">
                  {p.name}
                </Link>
                {p.description && <div className="small muted">{p.description}</div>}
              </td>
              <td className="small">
                <PolicySteps policy={p} targets={targets} />
              </td>
              <td>
                <code className="small">{p.id}</code>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
