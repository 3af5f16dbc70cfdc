import { assertCan, type Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import type { ProjectDeps } from './project-deps.ts';
import type { ListProjectsInput, Project } from './schemas.ts';
import { errorsDb, toProject } from './store.ts';

/** Ordered by slug. */
export async function listProjects({ ctx, input, deps }: { ctx: Ctx; input: ListProjectsInput; deps: Pick<ProjectDeps, 'baseUrl'> }): Promise<{ data: Project[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor(input.cursor, ['string']) : null;
  const q = errorsDb(ctx.db);
  const rows = await q
    .selectFrom('error_projects')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$call((qb) => keysetQuery(qb, { columns: ['slug'], order: 'asc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.slug]);
  const keys = page.length
    ? await q
        .selectFrom('error_keys')
        .select(['project_id', 'public_key', 'created_at', 'id'])
        .where('project_id', 'in', page.map((r) => r.id))
        .where('status', '=', 'active')
        .where('expires_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : [];
  const newest = new Map(keys.map((k) => [k.project_id, k]));
  return {
    data: page.map((r) => toProject(r, deps.baseUrl, newest.get(r.id) ?? null)),
    nextCursor,
  };
}
