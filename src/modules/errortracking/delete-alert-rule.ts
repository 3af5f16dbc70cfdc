import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { getProjectInOrg } from './project-deps.ts';
import { getRuleInProject, toAlertRule } from './rule-helpers.ts';
import { errorsDb } from './store.ts';

export async function deleteAlertRule({ ctx, projectId, ruleId }: { ctx: Ctx; projectId: string; ruleId: string }): Promise<void> {
  assertCan(ctx, 'write');
  await inTransaction(ctx, async (tx) => {
    await getProjectInOrg(tx, projectId);
    const before = await getRuleInProject(tx, projectId, ruleId);
    const q = errorsDb(tx.db);
    await q.deleteFrom('error_rule_fires').where('rule_id', '=', ruleId).execute();
    await q.deleteFrom('error_alert_rules').where('id', '=', ruleId).execute();
    await recordAudit(tx, { action: 'error_rule.delete', subject: { type: 'error_rule', id: ruleId }, data: { before: toAlertRule(before) } });
  });
}
