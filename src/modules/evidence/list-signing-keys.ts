import { assertCan, type Ctx } from '../../platform/context.ts';
import type { PublicKeyRecord } from './checkpoint.ts';
import { currentSigningKey } from './signing-keys.ts';
import { loadPublicKeys } from './store.ts';

/** Every public key checkpoints and packs were ever signed with, and when each was current. */
export async function listSigningKeys({ ctx }: { ctx: Ctx }): Promise<{ current: string; data: PublicKeyRecord[] }> {
  assertCan(ctx, 'read');
  const key = await currentSigningKey(ctx.db, ctx.config.dataDir, ctx.clock.now());
  return { current: key.keyId, data: await loadPublicKeys(ctx.db) };
}
