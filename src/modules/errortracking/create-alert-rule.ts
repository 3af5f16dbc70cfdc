import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getProjectInOrg } from './project-deps.ts';
import { toAlertRule } from './rule-helpers.ts';
import type { ErrorAlertRulesTable } from './schema.ts';
import { CreateAlertRuleInput, type AlertRule } from './schemas.ts';
import { errorsDb } from './store.ts';

/** A rule that raises an alert (with a link to the issue) when its condition holds for an issue. */
export async function createAlertRule({ ctx, projectId, input }: { ctx: Ctx; projectId: string; input: CreateAlertRuleInput }): Promise<AlertRule> {
  assertCan(ctx, 'write');
  const parsed = CreateAlertRuleInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  const i = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const project = await getProjectInOrg(tx, projectId);
    const now = tx.clock.now();
    const row: ErrorAlertRulesTable = {
      id: newId(now),
      org_id: tx.orgId,
      project_id: project.id,
      name: i.name,
      kind: i.kind,
      settings: JSON.stringify(i.settings),
      severity: i.severity,
      enabled: i.enabled ? 1 : 0,
      action_interval_s: i.actionIntervalSeconds,
      created_at: now,
      updated_at: now,
    };
    await errorsDb(tx.db).insertInto('error_alert_rules').values(row).execute();
    const rule = toAlertRule(row);
    await recordAudit(tx, { action: 'error_rule.create', subject: { type: 'error_rule', id: row.id }, data: { after: rule } });
    return rule;
  });
}
