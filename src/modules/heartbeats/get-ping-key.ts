import { assertCan, type Ctx } from '../../platform/context.ts';
import type { PingKeyStatus } from './schemas.ts';
import { findPingKey } from './store.ts';

/** Whether the organization has a ping key for slug URLs, and its prefix; the key itself is never shown again. */
export async function getPingKey({ ctx }: { ctx: Ctx }): Promise<PingKeyStatus> {
  assertCan(ctx, 'admin');
  const row = await findPingKey(ctx.db, ctx.orgId);
  return row ? { configured: true, prefix: row.prefix, createdAt: new Date(Number(row.created_at)).toISOString() } : { configured: false, prefix: null, createdAt: null };
}
