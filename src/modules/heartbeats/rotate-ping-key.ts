import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import { randomToken } from '../../platform/ids.ts';
import type { CreatedPingKey } from './schemas.ts';
import { savePingKey } from './store.ts';

export const hashPingKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Creates the organization's ping key, or replaces it (old slug URLs stop working). Shown once. */
export async function rotatePingKey({ ctx }: { ctx: Ctx }): Promise<CreatedPingKey> {
  assertCan(ctx, 'admin');
  const pingKey = randomToken(16);
  const prefix = pingKey.slice(0, 6);
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    await savePingKey(tx.db, { org_id: tx.orgId, key_hash: hashPingKey(pingKey), prefix, created_at: now });
    await recordAudit(tx, { action: 'heartbeat_ping_key.rotate', subject: { type: 'organization', id: tx.orgId }, data: { prefix } });
  });
  return { pingKey, prefix, createdAt: new Date(now).toISOString() };
}
