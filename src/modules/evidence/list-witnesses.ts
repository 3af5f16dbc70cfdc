import { assertCan, type Ctx } from '../../platform/context.ts';
import type { SecretBox } from '../../platform/crypto/index.ts';
import type { Witness } from './schemas.ts';
import { evidenceDb } from './store.ts';
import { EMPTY_STATUS, toWitness, witnessStatuses } from './witness-store.ts';

export async function listWitnesses({ ctx, secrets }: { ctx: Ctx; secrets: () => SecretBox }): Promise<Witness[]> {
  assertCan(ctx, 'audit');
  const rows = await evidenceDb(ctx.db).selectFrom('evidence_witnesses').selectAll().where('org_id', '=', ctx.orgId).orderBy('created_at').orderBy('id').execute();
  const statuses = await witnessStatuses(ctx.db, ctx.orgId);
  const box = secrets();
  return rows.map((r) => toWitness(box, r, statuses.get(r.id) ?? EMPTY_STATUS));
}
