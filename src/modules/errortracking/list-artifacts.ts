import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, keysetPage, keysetQuery } from '../../platform/db/index.ts';
import { getProjectInOrg } from './project-deps.ts';
import type { Artifact, ListArtifactsInput } from './schemas.ts';
import { errorsDb } from './store.ts';
import { toArtifact } from './upload-sourcemaps.ts';

/** Uploaded source maps and sources (without their content), by name. */
export async function listArtifacts({ ctx, projectId, input }: { ctx: Ctx; projectId: string; input: ListArtifactsInput }): Promise<{ data: Artifact[]; nextCursor: string | null }> {
  const project = await getProjectInOrg(ctx, projectId);
  const after = input.cursor ? decodeCursor(input.cursor, ['string']) : null;
  const rows = await errorsDb(ctx.db)
    .selectFrom('error_artifacts')
    .select(['id', 'org_id', 'project_id', 'release', 'dist', 'name', 'debug_id', 'kind', 'sha256', 'size', 'created_at'])
    .where('project_id', '=', project.id)
    .$if(input.release !== undefined, (qb) => qb.where('release', '=', input.release!))
    .$call((qb) => keysetQuery(qb, { columns: ['id'], order: 'asc', after, limit: input.limit }))
    .execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (r) => [r.id]);
  return { data: page.map((r) => toArtifact({ ...r, content: '' })), nextCursor };
}
