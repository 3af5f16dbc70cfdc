import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { getProjectInOrg } from './project-deps.ts';
import type { ErrorReleasesTable } from './schema.ts';
import type { CreateReleaseInput, Release } from './schemas.ts';
import { errorsDb, toRelease } from './store.ts';

/** Adds the release if it is new (idempotent); returns it either way. */
export async function ensureRelease(db: Executor, orgId: string, projectId: string, version: string, now: number): Promise<{ row: ErrorReleasesTable; created: boolean }> {
  const q = errorsDb(db);
  const inserted = await q
    .insertInto('error_releases')
    .values({ org_id: orgId, project_id: projectId, version, created_at: now, first_event_at: null, last_event_at: null, event_count: 0, new_issues: 0, regressions: 0 })
    .onConflict((oc) => oc.columns(['project_id', 'version']).doNothing())
    .executeTakeFirst();
  const row = await q.selectFrom('error_releases').selectAll().where('project_id', '=', projectId).where('version', '=', version).executeTakeFirstOrThrow();
  return { row, created: Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 };
}

/** Declares a release (CI does this before deploying); events also create releases as they arrive. */
export async function createRelease({ ctx, projectId, input }: { ctx: Ctx; projectId: string; input: CreateReleaseInput }): Promise<{ release: Release; created: boolean }> {
  assertCan(ctx, 'write');
  return inTransaction(ctx, async (tx) => {
    const project = await getProjectInOrg(tx, projectId);
    const { row, created } = await ensureRelease(tx.db, tx.orgId, project.id, input.version, tx.clock.now());
    if (created) await recordAudit(tx, { action: 'release.create', subject: { type: 'release', id: `${project.id}:${input.version}` }, data: { projectId: project.id, version: input.version } });
    return { release: toRelease(row), created };
  });
}
