import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { getProjectInOrg } from './project-deps.ts';
import type { ListReleasesInput, Release } from './schemas.ts';
import { decodeCursor, encodeCursor, errorsDb, toRelease } from './store.ts';

/** Newest first, with first/last event, event count, new issues and regressions per release. */
export async function listReleases({ ctx, projectId, input }: { ctx: Ctx; projectId: string; input: ListReleasesInput }): Promise<{ data: Release[]; nextCursor: string | null }> {
  const project = await getProjectInOrg(ctx, projectId);
  const after = input.cursor ? decodeCursor(input.cursor, ['number', 'string']) : null;
  if (input.cursor && !after) throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  const rows = await errorsDb(ctx.db)
    .selectFrom('error_releases')
    .selectAll()
    .where('project_id', '=', project.id)
    .$if(after !== null, (qb) =>
      qb.where((eb) => eb.or([eb('created_at', '<', Number(after![0])), eb.and([eb('created_at', '=', Number(after![0])), eb('version', '<', String(after![1]))])])),
    )
    .orderBy('created_at', 'desc')
    .orderBy('version', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { data: page.map(toRelease), nextCursor: rows.length > input.limit ? encodeCursor([Number(last.created_at), last.version]) : null };
}
