import { assertCan, type Ctx } from '../../platform/context.ts';
import type { SecretBox } from '../../platform/crypto/index.ts';
import { anchorStatus } from './anchor.ts';
import { lastFullAt, loadIntegrity, toVerification } from './integrity-state.ts';
import { listWitnesses } from './list-witnesses.ts';
import { latestCheckpoint } from './store.ts';

/** The last drift check, the newest checkpoint, and whether witnesses are receiving them. */
export async function getIntegrity({ ctx, secrets }: { ctx: Ctx; secrets: () => SecretBox }) {
  assertCan(ctx, 'audit');
  const state = await loadIntegrity(ctx.db, ctx.orgId);
  return {
    lastVerification: state ? toVerification(state) : null,
    lastFullVerificationAt: lastFullAt(state),
    latestCheckpoint: await latestCheckpoint(ctx.db, ctx.orgId),
    anchor: await anchorStatus(ctx.db, ctx.orgId, ctx.clock.now()),
    witnesses: await listWitnesses({ ctx, secrets }),
  };
}
