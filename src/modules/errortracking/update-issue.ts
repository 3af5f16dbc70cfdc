import { recordAudit } from '../audit/index.ts';
import { ALERT_RAISE_JOB } from '../alerts/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { getIssueInOrg } from './issue-helpers.ts';
import type { Issue, UpdateIssueInput } from './issue-schemas.ts';
import type { ErrorIssuesTable } from './schema.ts';
import { errorsDb, toIssue } from './store.ts';

/**
 * Changes an issue's status. `resolved_next_release` remembers the project's newest release: only
 * events from a later release reopen the issue. Resolving or ignoring resolves the alerts the
 * issue's rules raised.
 */
export async function updateIssue({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateIssueInput }): Promise<Issue> {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    const before = await getIssueInOrg(tx, id);
    const now = tx.clock.now();
    const q = errorsDb(tx.db);
    const changes: Partial<ErrorIssuesTable> = { status: input.status, updated_at: now };
    if (input.status === 'unresolved') Object.assign(changes, { resolved_at: null, resolved_in_release: null });
    if (input.status === 'resolved' || input.status === 'resolved_next_release') {
      changes.resolved_at = now;
      changes.is_regression = 0;
      const newest = await q.selectFrom('error_releases').select('version').where('project_id', '=', before.project_id).orderBy('created_at', 'desc').orderBy('version', 'desc').limit(1).executeTakeFirst();
      changes.resolved_in_release = input.status === 'resolved_next_release' ? (newest?.version ?? null) : null;
    }
    await q.updateTable('error_issues').set(changes).where('id', '=', id).execute();
    const after = { ...before, ...changes };
    if (input.status !== 'unresolved' && before.status === 'unresolved') await resolveRuleAlerts(tx, id, now);
    await recordAudit(tx, {
      action: 'issue.update',
      subject: { type: 'issue', id },
      data: { before: { status: before.status, resolvedInRelease: before.resolved_in_release }, after: { status: after.status, resolvedInRelease: after.resolved_in_release } },
    });
    return toIssue(after);
  });
}

async function resolveRuleAlerts(tx: Ctx, issueId: string, now: number): Promise<void> {
  const q = errorsDb(tx.db);
  const fires = await q.selectFrom('error_rule_fires').select(['dedup_key', 'rule_id']).where('issue_id', '=', issueId).execute();
  for (const fire of fires) {
    await enqueueJob(tx.db, now, { kind: ALERT_RAISE_JOB, orgId: tx.orgId, dueAt: now, payload: { orgId: tx.orgId, dedupKey: fire.dedup_key, status: 'resolved', source: 'error-rule' } });
  }
  if (fires.length > 0) await q.deleteFrom('error_rule_fires').where('issue_id', '=', issueId).execute();
}
