import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { assertFeedAccess, feedPath } from './feed-access.ts';
import type { FeedTokensTable } from './schema.ts';
import type { CreatedFeedToken } from './schedule-schemas.ts';
import { oncallDb, toFeedToken } from './store.ts';

export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A secret calendar URL for a schedule or a person; the token is shown once and only its hash is kept. */
export async function createFeedToken({ ctx, kind, targetId }: { ctx: Ctx; kind: FeedTokensTable['kind']; targetId: string }): Promise<CreatedFeedToken> {
  await assertFeedAccess(ctx, kind, targetId);
  const token = `cal_${randomBytes(32).toString('base64url')}`;
  const now = ctx.clock.now();
  const row: FeedTokensTable = { id: newId(now), org_id: ctx.orgId, kind, target_id: targetId, token_hash: hashFeedToken(token), prefix: token.slice(0, 10), created_by: ctx.actor.display, created_at: now, revoked_at: null };
  await inTransaction(ctx, async (tx) => {
    await oncallDb(tx.db).insertInto('oncall_feed_tokens').values(row).execute();
    await recordAudit(tx, { action: 'feed_token.create', subject: { type: 'feed_token', id: row.id }, data: { kind, targetId, prefix: row.prefix } });
  });
  const path = feedPath(kind, token);
  const base = ctx.config.publicUrl?.replace(/\/$/, '');
  return { ...toFeedToken(row), token, path, url: base ? `${base}${path}` : null };
}
