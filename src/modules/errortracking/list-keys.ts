import type { Ctx } from '../../platform/context.ts';
import { getProjectInOrg, type ProjectDeps } from './project-deps.ts';
import type { ProjectKey } from './schemas.ts';
import { errorsDb, toProjectKey } from './store.ts';

/** Every key of the project, newest first, revoked ones included. */
export async function listKeys({ ctx, projectId, deps }: { ctx: Ctx; projectId: string; deps: Pick<ProjectDeps, 'baseUrl'> }): Promise<{ data: ProjectKey[]; nextCursor: null }> {
  const project = await getProjectInOrg(ctx, projectId);
  const rows = await errorsDb(ctx.db).selectFrom('error_keys').selectAll().where('project_id', '=', project.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return { data: rows.map((r) => toProjectKey(r, deps.baseUrl, Number(project.number))), nextCursor: null };
}
