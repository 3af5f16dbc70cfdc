import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, type Ctx } from '../../platform/context.ts';
import type { IntegrationDeps } from './deps.ts';
import { getIntegrationInOrg } from './get-integration.ts';
import type { CreatedIntegration } from './schemas.ts';
import { integrationsDb, toIntegration } from './store.ts';
import { hookUrl, newHookToken } from './token.ts';

/** Replaces the hook token: the old URL answers 404 from now on. The new token is in this answer only. */
export async function rotateIntegrationToken({ ctx, id, deps, baseUrl }: { ctx: Ctx; id: string; deps: IntegrationDeps; baseUrl: string }): Promise<CreatedIntegration> {
  assertCan(ctx, 'write');
  const { token, hash, prefix } = newHookToken();
  return inTransaction(ctx, async (tx) => {
    const before = await getIntegrationInOrg(tx, id);
    const changes = { token_hash: hash, token_prefix: prefix, updated_at: tx.clock.now() };
    await integrationsDb(tx.db).updateTable('integrations').set(changes).where('id', '=', id).where('org_id', '=', tx.orgId).execute();
    await recordAudit(tx, { action: 'integration.rotate_token', subject: { type: 'integration', id }, data: { before: { tokenPrefix: before.token_prefix }, after: { tokenPrefix: prefix } } });
    return { ...toIntegration({ ...before, ...changes }, deps.secrets), token, url: hookUrl(baseUrl, token) };
  });
}
