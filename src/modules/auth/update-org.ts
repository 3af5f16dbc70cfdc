import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { Org, UpdateOrgInput } from './schemas.ts';
import { authDb, toOrg } from './store.ts';

export async function updateOrganization({ ctx, input }: { ctx: Ctx; input: UpdateOrgInput }): Promise<Org> {
  assertCan(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const q = authDb(tx.db);
    const before = await q.selectFrom('orgs').selectAll().where('id', '=', tx.orgId).executeTakeFirstOrThrow();
    const now = tx.clock.now();
    await q.updateTable('orgs').set({ name: input.name, updated_at: now }).where('id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'org.update', subject: { type: 'org', id: tx.orgId }, data: { before: { name: before.name }, after: { name: input.name } } });
    return toOrg({ ...before, name: input.name, updated_at: now }, tx.role);
  });
}
