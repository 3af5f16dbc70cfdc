import type { Ctx } from '../../platform/context.ts';
import { getProjectInOrg } from './project-deps.ts';
import { toAlertRule } from './rule-helpers.ts';
import type { AlertRule } from './schemas.ts';
import { errorsDb } from './store.ts';

export async function listAlertRules({ ctx, projectId }: { ctx: Ctx; projectId: string }): Promise<{ data: AlertRule[]; nextCursor: null }> {
  const project = await getProjectInOrg(ctx, projectId);
  const rows = await errorsDb(ctx.db).selectFrom('error_alert_rules').selectAll().where('project_id', '=', project.id).orderBy('created_at').orderBy('id').execute();
  return { data: rows.map(toAlertRule), nextCursor: null };
}
