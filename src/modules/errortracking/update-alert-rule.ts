import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { getProjectInOrg } from './project-deps.ts';
import { getRuleInProject, toAlertRule } from './rule-helpers.ts';
import type { ErrorAlertRulesTable } from './schema.ts';
import { RuleSettings, type AlertRule, type UpdateAlertRuleInput } from './schemas.ts';
import { errorsDb } from './store.ts';

export async function updateAlertRule({ ctx, projectId, ruleId, input }: { ctx: Ctx; projectId: string; ruleId: string; input: UpdateAlertRuleInput }): Promise<AlertRule> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    await getProjectInOrg(tx, projectId);
    const before = await getRuleInProject(tx, projectId, ruleId);
    const changes: Partial<ErrorAlertRulesTable> = { updated_at: tx.clock.now() };
    if (input.settings !== undefined) {
      const parsed = RuleSettings.safeParse({ kind: before.kind, settings: input.settings });
      if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
      changes.settings = JSON.stringify(parsed.data.settings);
    }
    if (input.name !== undefined) changes.name = input.name;
    if (input.severity !== undefined) changes.severity = input.severity;
    if (input.enabled !== undefined) changes.enabled = input.enabled ? 1 : 0;
    if (input.actionIntervalSeconds !== undefined) changes.action_interval_s = input.actionIntervalSeconds;
    await errorsDb(tx.db).updateTable('error_alert_rules').set(changes).where('id', '=', ruleId).execute();
    const after = toAlertRule({ ...before, ...changes });
    await recordAudit(tx, { action: 'error_rule.update', subject: { type: 'error_rule', id: ruleId }, data: { before: toAlertRule(before), after } });
    return after;
  });
}
