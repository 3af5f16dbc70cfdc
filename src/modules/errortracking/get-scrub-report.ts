import type { Ctx } from '../../platform/context.ts';
import { getProjectInOrg } from './project-deps.ts';
import type { ScrubReport } from './schemas.ts';
import { errorsDb, iso } from './store.ts';

/** How many values each scrubbing rule removed from the project's events; never the values. */
export async function getScrubReport({ ctx, projectId }: { ctx: Ctx; projectId: string }): Promise<ScrubReport> {
  const project = await getProjectInOrg(ctx, projectId);
  const rows = await errorsDb(ctx.db).selectFrom('error_scrub_counts').selectAll().where('project_id', '=', project.id).orderBy('count', 'desc').orderBy('rule').execute();
  return {
    enabled: Boolean(project.scrub_enabled),
    total: rows.reduce((n, r) => n + Number(r.count), 0),
    rules: rows.map((r) => ({ rule: r.rule, count: Number(r.count), updatedAt: iso(r.updated_at)! })),
  };
}
