import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, roleCan, type Ctx } from '../../platform/context.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { ApiToken, CreateTokenInput } from './schemas.ts';
import { newApiToken } from './secret-token.ts';
import { authDb, toApiToken } from './store.ts';

export async function createApiToken({ ctx, input }: { ctx: Ctx; input: CreateTokenInput }): Promise<ApiToken & { token: string }> {
  assertCan(ctx, 'admin');
  if (input.role === 'owner' && !roleCan(ctx.role, 'owner')) throw new ForbiddenError('Only an owner can create an owner token');
  const now = ctx.clock.now();
  const secret = newApiToken();
  const row = {
    id: newId(now),
    org_id: ctx.orgId,
    name: input.name,
    role: input.role,
    token_hash: secret.hash,
    prefix: secret.prefix,
    created_by: ctx.actor.display,
    created_at: now,
    last_used_at: null,
    expires_at: input.expiresInDays ? now + input.expiresInDays * 86_400_000 : null,
    revoked_at: null,
  };
  await inTransaction(ctx, async (tx) => {
    await authDb(tx.db).insertInto('api_tokens').values(row).execute();
    await recordAudit(tx, { action: 'token.create', subject: { type: 'apiToken', id: row.id }, data: { name: row.name, role: row.role, prefix: row.prefix, expiresAt: row.expires_at } });
  });
  return { ...toApiToken(row), token: secret.token };
}
