import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import type { IncidentDeps } from './deps.ts';
import { severityOfManual } from './derive-severity.ts';
import { findPolicyId } from './escalate.ts';
import { policyOf } from './get-severity-policy.ts';
import { assertMembers } from './members.ts';
import { openIncident } from './open-incident.ts';
import { CreateIncidentInput, type Incident } from './schemas.ts';
import { presentIncident } from './store.ts';

/** Declares an incident by hand (API, CLI): severity as given or the policy's default, raised by calendar rules. */
export async function createIncident({ ctx, input, deps }: { ctx: Ctx; input: CreateIncidentInput; deps: IncidentDeps }): Promise<Incident> {
  assertCan(ctx, 'respond');
  const parsed = CreateIncidentInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    await assertMembers(tx, data.assignees, 'assignees');
    let policyId: string | null = null;
    if (data.escalationPolicyId) {
      policyId = await findPolicyId(tx, data.escalationPolicyId);
      if (!policyId) throw new ValidationError([{ path: 'escalationPolicyId', message: 'no such escalation policy in this organization' }]);
    }
    const { document } = await policyOf(tx);
    const { severity, reason } = severityOfManual(document, data.severity, tx.clock.now());
    const row = await openIncident(tx, deps, document, {
      title: data.title,
      description: data.description,
      severity,
      reason,
      source: 'manual',
      escalationPolicyId: policyId,
      labels: data.labels,
      assignees: [...new Set(data.assignees)],
      possibleBreach: data.possibleBreach,
    });
    return presentIncident(tx, row!);
  });
}
