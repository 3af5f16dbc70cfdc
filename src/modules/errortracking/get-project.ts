import type { Ctx } from '../../platform/context.ts';
import { getProjectInOrg, type ProjectDeps } from './project-deps.ts';
import type { Project } from './schemas.ts';
import { newestActiveKey, toProject } from './store.ts';

export async function getProject({ ctx, id, deps }: { ctx: Ctx; id: string; deps: Pick<ProjectDeps, 'baseUrl'> }): Promise<Project> {
  const row = await getProjectInOrg(ctx, id);
  return toProject(row, deps.baseUrl, (await newestActiveKey(ctx.db, row.id)) ?? null);
}
