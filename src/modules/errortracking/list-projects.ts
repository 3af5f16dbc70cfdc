import { assertCan, type Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ProjectDeps } from './project-deps.ts';
import type { ListProjectsInput, Project } from './schemas.ts';
import { decodeCursor, encodeCursor, errorsDb, toProject } from './store.ts';

/** Ordered by slug. */
export async function listProjects({ ctx, input, deps }: { ctx: Ctx; input: ListProjectsInput; deps: Pick<ProjectDeps, 'baseUrl'> }): Promise<{ data: Project[]; nextCursor: string | null }> {
  assertCan(ctx, 'read');
  const after = input.cursor ? decodeCursor(input.cursor, ['string']) : null;
  if (input.cursor && !after) throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  const q = errorsDb(ctx.db);
  const rows = await q
    .selectFrom('error_projects')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .$if(after !== null, (qb) => qb.where('slug', '>', String(after![0])))
    .orderBy('slug')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
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
    nextCursor: rows.length > input.limit ? encodeCursor([page[page.length - 1].slug]) : null,
  };
}
