import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { LoadFailure } from '../components/load-failure.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useDeleteAndLeave } from '../components/use-delete-and-leave.ts';
import { PolicyForm } from './policy-form.tsx';
import { PolicySteps } from './policy-steps.tsx';
import { PolicyUsage } from './policy-usage.tsx';
import { useTargets } from './use-targets.ts';
import type { EscalationPolicy } from './types.ts';

const POLICIES = [{ href: '/escalation-policies', label: 'Escalation policies' }];

export function NewPolicyPage() {
  return (
    <div className="page narrow">
      <Breadcrumb trail={POLICIES} current="New" />
      <PageHeader title="New escalation policy" />
      <PolicyForm />
    </div>
  );
}

/** Writers edit the policy in place; everyone else reads its steps. */
export function PolicyPage({ id }: { id: string }) {
  const deleteAndLeave = useDeleteAndLeave();
  const canWrite = useCan('write');
  const fetched = useFetch<EscalationPolicy>(`/escalation-policies/${id}`);
  const targets = useTargets();
  const policy = fetched.data;
  if (fetched.error) return <LoadFailure error={fetched.error} what="Escalation policy" back={{ href: '/escalation-policies', label: 'Back to policies' }} note="It may have been deleted, or belong to another organization." />;
  if (!policy) return <Loading label="Loading policy…" />;
  const remove = () => deleteAndLeave({ path: `/escalation-policies/${id}`, name: policy.name, back: '/escalation-policies' });
  return (
    <div className="page narrow">
      <Breadcrumb trail={POLICIES} current={policy.name} />
      <PageHeader
        title={policy.name}
        subtitle={
          <span>
            Id for routes: <code>{policy.id}</code>
          </span>
        }
        actions={
          canWrite && (
            <ConfirmButton title={`Delete ${policy.name}?`} message="Routes naming it stop escalating; running escalations finish as snapshotted." confirmLabel="Delete policy" onConfirm={remove}>
              Delete
            </ConfirmButton>
          )
        }
      />
      <PolicyUsage policyId={policy.id} />
      {canWrite ? (
        <PolicyForm key={policy.updatedAt} policy={policy} />
      ) : (
        <section className="card">
          <PolicySteps policy={policy} targets={targets} />
        </section>
      )}
    </div>
  );
}
