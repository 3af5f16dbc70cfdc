import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { assertFeedAccess } from './feed-access.ts';
import type { FeedTokensTable } from './schema.ts';
import type { FeedToken } from './schedule-schemas.ts';
import { oncallDb, toFeedToken } from './store.ts';

/** Revokes the token at once; revoking it again changes nothing. */
export async function revokeFeedToken({ ctx, kind, targetId, tokenId }: { ctx: Ctx; kind: FeedTokensTable['kind']; targetId: string; tokenId: string }): Promise<FeedToken> {
  await assertFeedAccess(ctx, kind, targetId);
  return inTransaction(ctx, async (tx) => {
    const q = oncallDb(tx.db);
    const row = await q.selectFrom('oncall_feed_tokens').selectAll().where('org_id', '=', tx.orgId).where('kind', '=', kind).where('target_id', '=', targetId).where('id', '=', tokenId).executeTakeFirst();
    if (!row) throw new NotFoundError('Feed token', 'FEED_TOKEN_NOT_FOUND');
    if (row.revoked_at !== null) return toFeedToken(row);
    const now = tx.clock.now();
    await q.updateTable('oncall_feed_tokens').set({ revoked_at: now }).where('id', '=', tokenId).where('revoked_at', 'is', null).execute();
    await recordAudit(tx, { action: 'feed_token.revoke', subject: { type: 'feed_token', id: tokenId }, data: { kind, targetId, prefix: row.prefix } });
    return toFeedToken({ ...row, revoked_at: now });
  });
}
