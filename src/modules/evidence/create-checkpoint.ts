import { getChainHead } from '../audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { signCheckpoint, type Checkpoint } from './checkpoint.ts';
import { currentSigningKey } from './signing-keys.ts';
import { evidenceDb, iso, toCheckpoint } from './store.ts';

export interface StoredCheckpoint {
  id: string;
  checkpoint: Checkpoint;
  created: boolean;
}

/**
 * Signs the organization's chain head now and stores it as the checkpoint of the hour `slot`; a
 * second call for the same hour returns the stored one. Checkpoints are not audit events
 * themselves: recording one would move the head it just signed. Null for an empty chain.
 */
export async function createCheckpoint({ ctx, slot }: { ctx: Ctx; slot: number }): Promise<StoredCheckpoint | null> {
  const q = evidenceDb(ctx.db);
  const stored = () => q.selectFrom('audit_checkpoints').selectAll().where('org_id', '=', ctx.orgId).where('slot', '=', slot).executeTakeFirst();
  const existing = await stored();
  if (existing) return { id: existing.id, checkpoint: toCheckpoint(existing), created: false };
  const head = await getChainHead(ctx.db, ctx.orgId);
  if (head.seq === 0) return null;
  const now = ctx.clock.now();
  const key = await currentSigningKey(ctx.db, ctx.config.dataDir, now);
  const checkpoint = signCheckpoint(key, { orgId: ctx.orgId, seq: head.seq, hash: head.hash, at: iso(now) });
  const id = newId(now);
  const inserted = await q
    .insertInto('audit_checkpoints')
    .values({ id, org_id: ctx.orgId, slot, seq: head.seq, hash: head.hash, at: now, key_id: checkpoint.keyId, signature: checkpoint.signature })
    .onConflict((oc) => oc.columns(['org_id', 'slot']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { id, checkpoint, created: true };
  const raced = (await stored())!;
  return { id: raced.id, checkpoint: toCheckpoint(raced), created: false };
}
