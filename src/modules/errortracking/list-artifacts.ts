import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { getProjectInOrg } from './project-deps.ts';
import type { Artifact, ListArtifactsInput } from './schemas.ts';
import { decodeCursor, encodeCursor, errorsDb } from './store.ts';
import { toArtifact } from './upload-sourcemaps.ts';

/** Uploaded source maps and sources (without their content), by name. */
export async function listArtifacts({ ctx, projectId, input }: { ctx: Ctx; projectId: string; input: ListArtifactsInput }): Promise<{ data: Artifact[]; nextCursor: string | null }> {
  const project = await getProjectInOrg(ctx, projectId);
  const after = input.cursor ? decodeCursor(input.cursor, ['string']) : null;
  if (input.cursor && !after) throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  const rows = await errorsDb(ctx.db)
    .selectFrom('error_artifacts')
    .select(['id', 'org_id', 'project_id', 'release', 'dist', 'name', 'debug_id', 'kind', 'sha256', 'size', 'created_at'])
    .where('project_id', '=', project.id)
    .$if(input.release !== undefined, (qb) => qb.where('release', '=', input.release!))
    .$if(after !== null, (qb) => qb.where('id', '>', String(after![0])))
    .orderBy('id')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  return { data: page.map((r) => toArtifact({ ...r, content: '' })), nextCursor: rows.length > input.limit ? encodeCursor([page[page.length - 1].id]) : null };
}
