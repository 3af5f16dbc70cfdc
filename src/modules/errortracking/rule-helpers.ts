import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ErrorAlertRulesTable } from './schema.ts';
import type { AlertRule } from './schemas.ts';
import { errorsDb, iso } from './store.ts';

export const toAlertRule = (r: ErrorAlertRulesTable): AlertRule => ({
  id: r.id,
  projectId: r.project_id,
  name: r.name,
  kind: r.kind,
  settings: JSON.parse(r.settings),
  severity: r.severity as AlertRule['severity'],
  enabled: Boolean(r.enabled),
  actionIntervalSeconds: Number(r.action_interval_s),
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

export async function getRuleInProject(ctx: Ctx, projectId: string, ruleId: string): Promise<ErrorAlertRulesTable> {
  const row = await errorsDb(ctx.db).selectFrom('error_alert_rules').selectAll().where('org_id', '=', ctx.orgId).where('project_id', '=', projectId).where('id', '=', ruleId).executeTakeFirst();
  if (!row) throw new NotFoundError('Alert rule', 'ALERT_RULE_NOT_FOUND');
  return row;
}
