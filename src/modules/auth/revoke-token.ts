import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, roleCan, type Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { ApiToken } from './schemas.ts';
import { authDb, toApiToken } from './store.ts';

/** Revokes a token; revoking twice is a no-op that still answers with the token. */
export async function revokeApiToken({ ctx, id }: { ctx: Ctx; id: string }): Promise<ApiToken> {
  assertCan(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const q = authDb(tx.db);
    const row = await q.selectFrom('api_tokens').selectAll().where('org_id', '=', tx.orgId).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('API token', 'TOKEN_NOT_FOUND');
    if (row.role === 'owner' && !roleCan(tx.role, 'owner')) throw new ForbiddenError('Only an owner can revoke an owner token');
    if (row.revoked_at !== null) return toApiToken(row);
    const now = tx.clock.now();
    await q.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    await recordAudit(tx, { action: 'token.revoke', subject: { type: 'apiToken', id }, data: { name: row.name, role: row.role } });
    return toApiToken({ ...row, revoked_at: now });
  });
}
