import { assertCan, type Ctx } from '../../platform/context.ts';
import type { RunbookVersionSummary } from './schemas.ts';
import { getRunbookInOrg, runbooksDb, toVersionSummary } from './store.ts';

/** Newest first, without bodies. */
export async function listRunbookVersions({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ data: RunbookVersionSummary[]; nextCursor: null }> {
  assertCan(ctx, 'read');
  const runbook = await getRunbookInOrg(ctx, id);
  const rows = await runbooksDb(ctx.db)
    .selectFrom('runbook_versions')
    .select(['id', 'org_id', 'runbook_id', 'version', 'title', 'match', 'note', 'actor_type', 'actor_id', 'actor_display', 'created_at'])
    .where('org_id', '=', ctx.orgId)
    .where('runbook_id', '=', runbook.id)
    .orderBy('version', 'desc')
    .execute();
  return { data: rows.map(toVersionSummary), nextCursor: null };
}
