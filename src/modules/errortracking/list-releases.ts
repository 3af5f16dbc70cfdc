import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import { getProjectInOrg } from './project-deps.ts';
import type { ListReleasesInput, Release } from './schemas.ts';
import { errorsDb, toRelease } from './store.ts';

/** Newest first, with first/last event, event count, new issues and regressions per release. */
export async function listReleases({ ctx, projectId, input }: { ctx: Ctx; projectId: string; input: ListReleasesInput }): Promise<{ data: Release[]; nextCursor: string | null }> {
  const project = await getProjectInOrg(ctx, projectId);
  const after = input.cursor ? decodeCursor<[number, string]>(input.cursor, ['number', 'string']) : null;
  const rows = await errorsDb(ctx.db)
    .selectFrom('error_releases')
    .selectAll()
    .where('project_id', '=', project.id)
    .$call((qb) => keysetQuery(qb, { columns: ['created_at', 'version'], order: 'desc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [Number(r.created_at), r.version]);
  return { data: page.map(toRelease), nextCursor };
}
