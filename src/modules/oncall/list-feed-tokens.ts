import type { Ctx } from '../../platform/context.ts';
import { assertFeedAccess } from './feed-access.ts';
import type { FeedTokensTable } from './schema.ts';
import type { FeedToken } from './schedule-schemas.ts';
import { oncallDb, toFeedToken } from './store.ts';

export async function listFeedTokens({ ctx, kind, targetId }: { ctx: Ctx; kind: FeedTokensTable['kind']; targetId: string }): Promise<FeedToken[]> {
  await assertFeedAccess(ctx, kind, targetId);
  const rows = await oncallDb(ctx.db)
    .selectFrom('oncall_feed_tokens')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toFeedToken);
}
